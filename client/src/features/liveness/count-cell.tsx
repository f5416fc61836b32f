/** A count of answers; coloured (by CSS) only when it is not zero, so an all-clear row reads calm. */
export function CountCell({ kind, count }: { kind: 'answered' | 'late' | 'none'; count: number }) {
  return (
    <td className={`num ${kind}`} data-count={count > 0 ? 'some' : 'zero'}>
      {count}
    </td>
  );
}
