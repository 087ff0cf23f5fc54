export function ClearButton({ disabled, onClear }: { disabled: boolean; onClear(): void }) {
  return (
    <button type="button" data-testid="clear-tokens" disabled={disabled} onClick={onClear} title="Forget every captured token">
      Clear
    </button>
  );
}
