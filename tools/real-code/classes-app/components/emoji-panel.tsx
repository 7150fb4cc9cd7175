'use client';
import EmojiPicker from 'emoji-picker-react';

// A heavy library no list names: only its measured weight can say so.
export function EmojiPanel() {
  return (
    <aside>
      <EmojiPicker />
    </aside>
  );
}
