import * as opaque from '@serenity-kit/opaque';

/**
 * One OPAQUE server setup for every server a test starts, so servers that share a database (two
 * nodes, a restart, a second process) open each other's registration records — as production
 * nodes share OPAQUE_SERVER_SETUP. Made for tests only; it protects nothing.
 */
export const TEST_OPAQUE_SERVER_SETUP =
  'E6Y5OZ5iFs0KHZOsS6uaMfRV1p59xrppl6ObBqAs7dxF0FRbeGHtrQ82IVASDXlDdpvNjP8_V_cHYQZoNJuPKuvcg7oE9sy9_qON_OsApt8d9IzSdA6__fzCgOkFr1EO4mvdWZdLdiTjE-qioaTRn2IsT7seRwdIph6qXY6nSRM';

/** A fresh OPAQUE server setup, for modules composed outside a test server. */
export async function freshOpaqueSetup(): Promise<string> {
  await opaque.ready;
  return opaque.server.createSetup();
}
