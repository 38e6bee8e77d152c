import Button, { type ButtonProps } from '@mui/material/Button';
import { useRef } from 'react';

type FileButtonProps = Omit<ButtonProps, 'onClick' | 'onChange'> & {
  accept: string;
  testId: string;
  onFile(file: File): void;
};

/** A button that opens the file picker; the input stays in the page so tests can set its files. */
export function FileButton({ accept, testId, onFile, children, ...props }: FileButtonProps) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <Button {...props} onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // The same file may be picked again after it was fixed.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
