// GET /v1/agent/config: the agent config as JSON with an ETag; 304 for a matching If-None-Match.
import type { Request, Response } from 'express';
import type { AppDeps } from '../context.js';
import { AppError, errorBody, isRedisUnavailable, sendAppError, unavailable } from '../errors.js';
import { agentConfigFor } from './agent.config.js';

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
      if (err instanceof AppError) return sendAppError(res, err);
      const requestId = onError(err, req);
      res.status(500).json(errorBody(`Internal server error (request ${requestId})`, { code: 'INTERNAL_SERVER_ERROR', requestId }));
    }
  };
}
