/** A small tick drawn in the text colour: a pressed toggle shows it, so state is not told by fill colour alone. */
export function Tick() {
  return (
    <svg className="toggle-tick" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4.5 12.5 L9.5 17.5 L19.5 6.5" />
    </svg>
  );
}
