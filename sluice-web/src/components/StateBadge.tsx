import { stateTone } from '../format';

export function StateBadge({ state }: { state: string }) {
  return (
    <span className={`badge badge-${stateTone(state)}`} data-testid="state-badge">
      <span className="dot" />
      {state.replace(/_/g, ' ')}
    </span>
  );
}
