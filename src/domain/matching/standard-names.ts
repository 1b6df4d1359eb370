/**
 * Standards and schemes a buyer often writes first, and written like an id ("SOC-2 Type II -
 * current?", "ISO27001 certificate?", "PCI 4.0"): the question's topic, never the row's reference.
 * Read by matching (a reference before the question) and by ingest (an id in the question cell).
 */
export const STANDARD_NAMES =
  "SOC|ISO|PCI|NIST|TLS|SSL|FIPS|AES|SHA|RSA|HIPAA|GDPR|DORA|NIS|SIG|CMMC|TISAX|CSA|STAR|IEC|BS|SP";
