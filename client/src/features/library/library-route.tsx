import type { ReactNode } from 'react';
import { Id } from '../../../../shared/schemas/accounts';
import { ItemPage } from './item-page';
import { LibraryPage } from './library-page';
import { PublishPage } from './publish-page';

/** The library's pages: /library, /library/new, /library/<id>, /library/<id>/new-version. */
export function libraryPage(path: string): ReactNode | undefined {
  if (path === '/library') return <LibraryPage />;
  if (path === '/library/new') return <PublishPage />;
  const match = /^\/library\/([^/]+)(\/new-version)?$/.exec(path);
  const id = match ? Id.safeParse(match[1]).data : undefined;
  if (!id) return undefined;
  return match?.[2] ? <PublishPage itemId={id} /> : <ItemPage id={id} />;
}
