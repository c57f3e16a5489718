import { render, screen } from '@testing-library/react';
import { RateChart } from './RateChart';

describe('RateChart', () => {
  const series = [{ id: 'v1', name: 'Source: clicks' }];

  it('says so while Flink reports no rates instead of drawing an empty chart', () => {
    render(<RateChart samples={[{ time: 1 }, { time: 2 }]} series={series} />);
    expect(screen.getByText(/Flink has reported no rates for this job yet/)).toBeInTheDocument();
  });

  it('waits for two samples', () => {
    render(<RateChart samples={[{ time: 1, v1: 3 }]} series={series} />);
    expect(screen.getByText('Collecting rates…')).toBeInTheDocument();
  });
});
