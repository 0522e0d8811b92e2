// Building blocks of the wire schemas (SYNC-API.md: JSON, camelCase, ISO 8601 UTC with `Z`).
import { z } from 'zod';

export const isoTime = z.iso.datetime({ message: 'expected an ISO 8601 UTC time such as 2026-11-02T09:00:00Z' });
export const id = z.string().min(1, 'expected a non-empty id').max(200);
export const rev = z.number().int().min(1);
export const stars = z.number().int('expected whole stars').min(1, 'stars run from 1 to 5').max(5, 'stars run from 1 to 5');
export const text = (max: number) => z.string().max(max);
