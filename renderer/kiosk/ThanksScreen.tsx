import { ClosingScreen } from './ClosingScreen';

/** After the host has stored the answers. */
export function ThanksScreen({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  return <ClosingScreen tone="thanks" seconds={seconds} onDone={onDone} />;
}
