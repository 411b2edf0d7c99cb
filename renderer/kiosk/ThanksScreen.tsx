import { ClosingScreen } from './ClosingScreen';

export interface ThanksScreenProps {
  seconds: number;
  hotline: string;
  /** Working days within which the office calls back, when the citizen left a number; null otherwise. */
  callBackDays: number | null;
  onDone: () => void;
}

/** After the host has stored the answers: the plain thanks, or, with a phone number left, when the office will call. */
export function ThanksScreen({ seconds, hotline, callBackDays, onDone }: ThanksScreenProps) {
  return (
    <ClosingScreen tone="thanks" seconds={seconds} hotline={hotline} callBackDays={callBackDays} onDone={onDone} />
  );
}
