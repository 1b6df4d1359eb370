/** The usage text apart from the commands, so `quire --help` loads none of what answering needs. */
export const ANSWER_USAGE = `usage: quire answer <file> [--out <filled.xlsx>] [--report <report.json>]
       [--region us|eu|uk|apac|other] [--nda] [--as-of YYYY-MM-DD] [--library <dir>]
       [--db <quire.db>] [--approved-only] [--overwrite] [--llm | --offline]
       [--sheet <name>] [--header-row <n>] [--question-column <col>] [--answer-column <col>] [--comment-column <col>]
       [--id-column <col>]`;
