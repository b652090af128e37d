// Parsing of the few query parameters shared by list pages, with Chinese errors for bad input.
import { AppError } from './errors.tsx';

const MAX_PAGE = 100_000;

/** The 1-based page number of `?page=`; absent means 1. */
export function parsePageNumber(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE) {
    throw new AppError(400, 'bad_request', `页码“${value.slice(0, 20)}”无效,请使用 1 到 ${MAX_PAGE} 之间的整数。`);
  }
  return Number(value);
}

/** A positive integer id from a path segment, or undefined (which callers answer with a 404). */
export function parseId(value: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : undefined;
}
