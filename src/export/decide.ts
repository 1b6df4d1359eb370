import { type CellAddress, formatCellRef } from "../domain/questionnaire/cell-ref.js";
import { planAnswer } from "./plan.js";
import type { WriteBackAnswer, WriteBackOptions } from "./types.js";

/** What a customer cell holds today: empty, a value they typed, or a formula (never overwritten). */
export type CellState = "empty" | "value" | "formula";

export interface CellWrite {
  readonly address: CellAddress;
  readonly text: string;
}

/** The file-format-specific questions the shared decision needs answered (XLSX sheet, CSV grid). */
export interface Surface<K> {
  /** The target sheet for an answer (name "" when the format has no sheets), or a warning saying why there is none. */
  target(answer: WriteBackAnswer): { key: K; name: string } | { warning: string };
  /** Where a write to `address` really lands (XLSX: the top-left of a merged range). */
  redirect(key: K, address: CellAddress): CellAddress;
  state(key: K, address: CellAddress): CellState;
  /** A reason this cell cannot be written (e.g. CSV record missing), or null. */
  unwritable?(key: K, address: CellAddress): string | null;
}

export interface Decision<K> {
  readonly writes: Map<K, CellWrite[]>;
  readonly cellsWritten: string[];
  readonly cellsKept: string[];
  readonly warnings: string[];
}

function label(answer: WriteBackAnswer, index: number): string {
  const where = [answer.sheet, answer.answerCell ?? answer.commentCell].filter((x) => x !== null).join("!");
  return `answer ${index + 1}${where ? ` (${where})` : ""}`;
}

/**
 * Which cells get which text. A customer answer in the answer cell wins over ours (unless
 * `overwrite`), and then the whole question is left alone: our comment next to their "No" would
 * contradict them. Formulas are never replaced: they are computed, and calcChain.xml lists them.
 */
export function decideWrites<K>(
  answers: readonly WriteBackAnswer[],
  options: WriteBackOptions | undefined,
  surface: Surface<K>,
): Decision<K> {
  const overwrite = options?.overwrite === true;
  const writes = new Map<K, CellWrite[]>();
  const claimed = new Set<string>();
  const cellsWritten: string[] = [];
  const cellsKept: string[] = [];
  const warnings: string[] = [];
  const keeps = (state: CellState) => state === "formula" || (state === "value" && !overwrite);

  answers.forEach((answer, index) => {
    // Named only when a warning needs it: thousands of answers usually raise none.
    let named: string | null = null;
    const tag = () => {
      named ??= label(answer, index);
      return named;
    };
    const plan = planAnswer(answer, tag);
    for (const warning of plan.warnings) warnings.push(warning);
    if (!plan.value && !plan.text) return;
    const target = surface.target(answer);
    if ("warning" in target) {
      warnings.push(`${tag()}: ${target.warning}`);
      return;
    }
    const { key, name } = target;
    const at = (ref: string) => (name ? `${name}!${ref}` : ref);
    // A cell's state does not change while writing (it is the customer's original), and the answer
    // cell is usually asked twice (is it filled? then: may the value go there?).
    let asked: CellAddress | null = null;
    let answered: CellState = "empty";
    const state = (address: CellAddress): CellState => {
      if (asked === null || asked.row !== address.row || asked.col !== address.col) {
        answered = surface.state(key, address);
        asked = address;
      }
      return answered;
    };
    const write = (address: CellAddress, text: string, where: string) => {
      let list = writes.get(key);
      if (!list) {
        list = [];
        writes.set(key, list);
      }
      list.push({ address, text });
      cellsWritten.push(where);
    };

    // The customer's own answer: the answer cell filled, or any of a form's mark cells marked.
    for (const address of plan.answerCells) {
      const real = surface.redirect(key, address);
      if (keeps(state(real))) {
        cellsKept.push(at(formatCellRef(real)));
        return;
      }
    }

    // Reached with a customer mark only under `overwrite`: the old mark goes, so one box stays marked.
    for (const mark of plan.clear) {
      const address = surface.redirect(key, mark);
      if (state(address) !== "value" || surface.unwritable?.(key, address)) continue;
      const where = at(formatCellRef(address));
      write(address, "", where);
      claimed.add(where);
    }

    for (const cell of [plan.value, plan.text]) {
      if (!cell) continue;
      const address = surface.redirect(key, cell.address);
      const ref = address === cell.address ? cell.ref : formatCellRef(address);
      const problem = surface.unwritable?.(key, address) ?? null;
      if (problem) {
        warnings.push(`${tag()}: ${ref} ${problem}`);
        continue;
      }
      const where = at(ref);
      if (claimed.has(where)) {
        warnings.push(`${tag()}: ${where} already receives another answer; not written twice`);
        continue;
      }
      claimed.add(where);
      if (keeps(state(address))) {
        cellsKept.push(where);
        continue;
      }
      write(address, cell.content, where);
    }
  });
  return { writes, cellsWritten, cellsKept, warnings };
}
