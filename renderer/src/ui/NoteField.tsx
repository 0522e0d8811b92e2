// The note under a decision's reasons: grows with its text, Enter sends the decision (Shift-Enter
// for a new line) and Esc leaves the field so the decision keys act again.
import { Textarea } from '@mantine/core';
import type { Ref } from 'react';

export function NoteField({ noteRef, label, placeholder, value, onChange, onSubmit }: { noteRef: Ref<HTMLTextAreaElement>; label: string; placeholder: string; value: string; onChange: (text: string) => void; onSubmit: () => void }) {
  return (
    <Textarea
      ref={noteRef}
      mt="xs"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autosize
      minRows={1}
      maxRows={4}
      maxLength={5000}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          onSubmit();
        }
      }}
    />
  );
}
