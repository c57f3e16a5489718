import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { CatalogPage } from './pages/CatalogPage';
import { EditorPage } from './pages/EditorPage';
import { JobPage } from './pages/JobPage';
import { JobsPage } from './pages/JobsPage';

export function App() {
  return (
    <div className="shell">
      <nav className="sidebar">
        <div className="brand"><span className="logo">≋</span> Sluice</div>
        <NavLink to="/editor">Editor</NavLink>
        <NavLink to="/jobs">Jobs</NavLink>
        <NavLink to="/catalog">Catalog</NavLink>
        <div className="sidebar-foot"><a href="/api/openapi.yaml">REST API</a></div>
      </nav>
      <main className="content">
        <Routes>
          <Route path="/" element={<Navigate to="/jobs" replace />} />
          <Route path="/editor" element={<EditorPage />} />
          <Route path="/jobs" element={<JobsPage />} />
          <Route path="/jobs/:name" element={<JobPage />} />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="*" element={<div className="page"><h1>Not found</h1></div>} />
        </Routes>
      </main>
    </div>
  );
}
