import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "../errors";

/** For pages: a DAL NOT_FOUND (including "someone else's class") renders the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
