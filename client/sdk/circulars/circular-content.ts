import { z } from 'zod';

/** The longest subject and text of one circular, in UTF-16 code units (the body limit bounds the whole). */
export const MAX_CIRCULAR_SUBJECT = 200;
export const MAX_CIRCULAR_TEXT = 50_000;

/** Content of kind 'circular': the subject is content too (it may reveal what the circular is about), so it is sealed. */
export const CircularContent = z
  .object({
    subject: z.string().min(1).max(MAX_CIRCULAR_SUBJECT),
    text: z.string().min(1).max(MAX_CIRCULAR_TEXT),
  })
  .strict();
export type CircularContent = z.infer<typeof CircularContent>;
