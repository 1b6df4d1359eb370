import { z } from "zod";
import { IsoDateSchema } from "../dates.js";

/** Where the buyer sits: it decides which certification the citation policy offers first. */
export const REGIONS = ["us", "eu", "uk", "apac", "other"] as const;
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

/** Who is asking: the citation policy reads it to decide what may be shown and in which order. */
export const CustomerContextSchema = z.object({
  region: RegionSchema,
  ndaOnFile: z.boolean(),
  /** Last day the NDA covers, if it ends; after it the NDA no longer counts. */
  ndaUntil: IsoDateSchema.nullable().optional(),
  asOf: IsoDateSchema,
});
export type CustomerContext = z.infer<typeof CustomerContextSchema>;

/** Whether an NDA is in force on the as-of date. */
export const ndaInForce = (c: CustomerContext): boolean => c.ndaOnFile && (!c.ndaUntil || c.ndaUntil >= c.asOf);
