import type { ServiceContext } from "../context.js";
import { type Customer, customerRow, toCustomer } from "./shape.js";

export async function getCustomer(ctx: ServiceContext, id: string): Promise<Customer> {
  return toCustomer(await customerRow(ctx, id));
}
