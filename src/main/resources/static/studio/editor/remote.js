// Every call the editor pages make, all to /api/v1 through the studio's api.js (token,
// refresh, problem documents as ApiError). One place to read what the pages depend on.

import { api } from '/studio/js/api.js';

const json = (body) => ({ method: 'POST', body });

export const projects = {
  list: (cursor) => api(`/api/v1/projects?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  create: (name, preset) => api('/api/v1/projects', json({ name, output: { preset } })),
  rename: (id, name) => api(`/api/v1/projects/${id}`, { method: 'PATCH', body: { name } }),
  duplicate: (id) => api(`/api/v1/projects/${id}/duplicate`, { method: 'POST' }),
  remove: (id) => api(`/api/v1/projects/${id}`, { method: 'DELETE' }),
  get: (id) => api(`/api/v1/projects/${id}`),
  /** Saves the whole timeline from `version`; a 412 ApiError means it changed elsewhere. */
  save: (id, version, timeline) => api(`/api/v1/projects/${id}/timeline`, {
    method: 'PUT', body: timeline, headers: { 'If-Match': `"${version}"` },
  }),
};

export const library = {
  list: (cursor) => api(`/api/v1/assets?limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
};

export const renders = {
  preview: (projectId) => api(`/api/v1/projects/${projectId}/preview`, { method: 'POST' }),
  previewStatus: (id) => api(`/api/v1/previews/${id}`),
  exportVideo: (projectId, resolution) => api(`/api/v1/projects/${projectId}/exports`,
    json({ resolution, format: 'mp4' })),
  exportStatus: (id) => api(`/api/v1/exports/${id}`),
  exports: (projectId) => api(`/api/v1/projects/${projectId}/exports?limit=1`),
  cancelExport: (id) => api(`/api/v1/exports/${id}/cancel`, { method: 'POST' }),
  /** One frame of the saved timeline as an image Blob. */
  frame: async (projectId, atMs, height) => {
    const response = await api(`/api/v1/projects/${projectId}/frame?atMs=${Math.round(atMs)}&height=${height}`,
      { headers: { Accept: 'image/jpeg, application/problem+json' } });
    return response.blob();
  },
};
