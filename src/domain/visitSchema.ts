import { z } from 'zod';
import { visitPurposes } from './visit';

/** A visit purpose at a boundary (see visit.ts; kept apart so the kiosk's bundle has no zod). */
export const VisitPurposeSchema = z.enum(visitPurposes);
