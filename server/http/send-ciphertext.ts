import type { Response } from 'express';

/** A stored file's ciphertext, streamed as it is read: memory stays flat whatever its size. */
export async function sendCiphertext(
  res: Response,
  file: { size: number; stream: AsyncIterable<Uint8Array> },
): Promise<void> {
  res.status(200).type('application/octet-stream').setHeader('Content-Length', String(file.size));
  for await (const chunk of file.stream) {
    // Backpressure: wait for a slow reader instead of buffering the file.
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}
