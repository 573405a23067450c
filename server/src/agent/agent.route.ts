// GET /v1/agent/config: the agent config as JSON with an ETag; 304 for a matching If-None-Match.
import type { Request, Response } from 'express';
import type { AppDeps } from '../context.js';
import { AppError, isRedisUnavailable, unavailable } from '../errors.js';
import { agentConfigFor } from './agent.config.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, UNAVAILABLE: 503 };

export function agentConfigRoute(app: AppDeps, onError: (err: unknown, req: Request) => string) {
  return async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    try {
      const { config, etag } = await agentConfigFor(app, req.headers.authorization);
      res.setHeader('ETag', etag);
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        res.status(304).end();
        return;
      }
      res.json(config);
    } catch (caught) {
      const err = isRedisUnavailable(caught) ? unavailable() : caught;
      if (err instanceof AppError) {
        res.status(STATUS[err.code] ?? 400).json({ errors: [{ message: err.message, extensions: { code: err.code } }] });
        return;
      }
      const requestId = onError(err, req);
      res.status(500).json({ errors: [{ message: `Internal server error (request ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
    }
  };
}
