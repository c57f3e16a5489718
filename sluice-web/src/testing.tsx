import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { SluiceApi } from './api/client';
import { ApiContext } from './api/context';

/** A fake API: only the methods a test gives exist; any other call fails the test loudly. */
export function fakeApi(methods: Partial<Record<keyof SluiceApi, (...args: never[]) => unknown>>): SluiceApi {
  return new Proxy(methods, {
    get(target, key: string) {
      if (key in target) return target[key as keyof SluiceApi];
      return () => Promise.reject(new Error(`unexpected API call ${key}`));
    },
  }) as unknown as SluiceApi;
}

/** Renders `ui` at `path` inside the app's router, with a probe route that shows where navigation went. */
export function renderPage(ui: React.ReactElement, api: SluiceApi, path = '/', route = '*') {
  return render(
    <ApiContext.Provider value={api}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={ui} />
          <Route path="/jobs/:name" element={<div data-testid="job-page">job page</div>} />
        </Routes>
      </MemoryRouter>
    </ApiContext.Provider>,
  );
}
