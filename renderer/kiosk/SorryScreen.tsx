import { ClosingScreen } from './ClosingScreen';

/**
 * When the submission failed. The host keeps and retries what it received but
 * could not commit; the citizen is asked to tell staff either way.
 */
export function SorryScreen({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  return <ClosingScreen tone="sorry" seconds={seconds} onDone={onDone} />;
}
