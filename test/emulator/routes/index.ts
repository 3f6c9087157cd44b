/** All platform routes, legacy paths (`/api/v2/...`); the server strips the core prefix before matching. */
import { Router } from '../http/router.js';
import { catalogRoutes } from './catalog.js';
import { productRoutes } from './products.js';
import { projectStatusRoutes } from './project-status.js';
import { projectRoutes } from './projects.js';
import { scanReadRoutes } from './scans.js';
import { scanparamsRoutes } from './scanparams.js';
import { startRoutes } from './start.js';
import { uploadRoutes } from './uploads.js';

export function buildRouter(): Router {
  const r = new Router();
  catalogRoutes(r);
  projectRoutes(r);
  projectStatusRoutes(r);
  productRoutes(r);
  scanparamsRoutes(r);
  startRoutes(r);
  uploadRoutes(r);
  scanReadRoutes(r);
  return r;
}
