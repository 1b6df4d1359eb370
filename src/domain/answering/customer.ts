import { z } from "zod";
import { ISO_DATE_MESSAGE, isIsoDate } from "../dates.js";

export const RegionSchema = z.enum(["us", "eu", "uk", "apac", "other"]);
export type Region = z.infer<typeof RegionSchema>;

/** Who is asking: the citation policy reads it to decide what may be shown and in which order. */
export const CustomerContextSchema = z.object({
  region: RegionSchema,
  ndaOnFile: z.boolean(),
  /** Last day the NDA covers, if it ends; after it the NDA no longer counts. */
  ndaUntil: z.string().refine(isIsoDate, ISO_DATE_MESSAGE).nullable().optional(),
  asOf: z.string().refine(isIsoDate, ISO_DATE_MESSAGE),
});
export type CustomerContext = z.infer<typeof CustomerContextSchema>;

/** Whether an NDA is in force on the as-of date. */
export const ndaInForce = (c: CustomerContext): boolean => c.ndaOnFile && (!c.ndaUntil || c.ndaUntil >= c.asOf);
