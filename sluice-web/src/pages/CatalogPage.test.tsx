import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage } from '../testing';
import { CatalogPage } from './CatalogPage';

const kafka = { name: 'local-kafka', type: 'kafka', properties: { 'bootstrap.servers': 'localhost:9092' }, secrets: [], managed: true, createdAt: '2026-01-01T00:00:00Z' };
const pg = { name: 'pg', type: 'jdbc', properties: { url: 'jdbc:postgresql://db/x', username: 'app' }, secrets: ['password'], managed: false, createdAt: '2026-01-01T00:00:00Z' };

describe('CatalogPage', () => {
  it('never shows secret values, only their names', async () => {
    renderPage(<CatalogPage />, fakeApi({ connections: async () => [kafka, pg], topics: async () => [{ name: 'clicks', partitions: 3, endOffsets: { 0: 1200, 1: 7, 2: 0 } }] }));
    const row = (await screen.findByText('pg')).closest('tr')!;
    expect(within(row).getByText('password = ••••••')).toBeInTheDocument();
    const topic = (await screen.findByText('clicks')).closest('tr')!;
    expect([...topic.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['clicks', '3', '1,207', '0: 1200  1: 7  2: 0']);
  });

  it('adds a connection with write-only secrets', async () => {
    const addConnection = vi.fn(async () => pg);
    renderPage(<CatalogPage />, fakeApi({ connections: async () => [kafka], topics: async () => [], addConnection }));
    await userEvent.type(screen.getByLabelText('Connection name'), 'pg');
    await userEvent.type(screen.getByLabelText('Property 1 value'), 'jdbc:postgresql://db/x');
    await userEvent.type(screen.getByLabelText('Property 2 value'), 'app');
    const secret = screen.getByLabelText('Secret 1 value');
    expect(secret).toHaveAttribute('type', 'password');
    await userEvent.type(secret, 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    expect(addConnection).toHaveBeenCalledWith('pg', 'jdbc', { url: 'jdbc:postgresql://db/x', username: 'app' }, { password: 's3cret' });
    expect(secret).toHaveValue('');
  });

  it('deletes a connection after asking, but not a managed one', async () => {
    const deleteConnection = vi.fn(async () => undefined);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPage(<CatalogPage />, fakeApi({ connections: async () => [kafka, pg], topics: async () => [], deleteConnection }));
    const rows = await screen.findAllByRole('button', { name: 'Delete' });
    expect(rows).toHaveLength(1);
    await userEvent.click(rows[0]);
    expect(deleteConnection).toHaveBeenCalledWith('pg');
  });

  it('tests a connection and lists a database connection\'s tables', async () => {
    const testConnection = vi.fn(async (name: string) => (name === 'pg'
      ? { ok: false, detail: 'Connection to db:5432 refused' } : { ok: true, detail: 'Kafka cluster c1 with 1 broker' }));
    const connectionTables = vi.fn(async () => [{ name: 'ip_city', columns: [
      { name: 'prefix', type: 'varchar', nullable: false }, { name: 'city', type: 'varchar', nullable: true }] }]);
    renderPage(<CatalogPage />, fakeApi({ connections: async () => [kafka, pg], topics: async () => [], testConnection, connectionTables }));
    const pgRow = (await screen.findByText('pg')).closest('tr')!;
    await userEvent.click(within(pgRow).getByRole('button', { name: 'Test' }));
    expect(await within(pgRow).findByRole('status')).toHaveTextContent('✗ Connection to db:5432 refused');
    const kafkaRow = within(screen.getByRole('table', { name: 'Connections' })).getByText('local-kafka').closest('tr')!;
    expect(within(kafkaRow).queryByRole('button', { name: 'Tables' })).toBeNull();
    await userEvent.click(within(kafkaRow).getByRole('button', { name: 'Test' }));
    expect(await within(kafkaRow).findByRole('status')).toHaveTextContent('✓ Kafka cluster c1 with 1 broker');

    await userEvent.click(within(pgRow).getByRole('button', { name: 'Tables' }));
    const listed = await screen.findByRole('table', { name: 'Tables of pg' });
    expect(within(listed).getByText('prefix varchar NOT NULL, city varchar')).toBeInTheDocument();
  });
});
