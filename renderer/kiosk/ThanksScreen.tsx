import { ClosingScreen } from './ClosingScreen';

/** After the host has stored the answers. */
export function ThanksScreen({ seconds, hotline, onDone }: { seconds: number; hotline: string; onDone: () => void }) {
  return <ClosingScreen tone="thanks" seconds={seconds} hotline={hotline} onDone={onDone} />;
}
