// A message body with the rule core's matched phrases marked (features/flags/spans.ts).
import { Mark } from '@mantine/core';
import type { TextSpan } from '../../../../core';
import { highlight } from '../../features/flags/spans';

export function Highlighted({ body, spans }: { body: string; spans?: readonly TextSpan[] | undefined }) {
  const segments = highlight(body, spans ?? []);
  return (
    <>
      {segments.map((s, i) =>
        s.marked ? (
          <Mark key={i} color="yellow" className="evidence-mark">
            {s.text}
          </Mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
