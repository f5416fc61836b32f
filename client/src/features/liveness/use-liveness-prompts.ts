import { useCallback, useEffect, useRef, useState } from 'react';
import type { LivenessPrompt } from '../../../../shared/schemas/liveness';
import { answerLivenessPrompt, onLivenessPrompt, type FocalNetSocket, type LivenessOutcome } from '../../../sdk/index';
import { useClient } from '../../services/client-context';
import { holdSocket } from '../../services/tab-socket';

const POLL_MS = 30_000;

export type PromptResult = { outcome: LivenessOutcome } | { error: unknown };

export interface LivenessPrompts {
  /** Open prompts, oldest first. */
  prompts: LivenessPrompt[];
  /** Answers given in this tab, by check id (kept so the outcome stays visible). */
  results: ReadonlyMap<string, PromptResult>;
  busy: string | undefined;
  answer: (prompt: LivenessPrompt) => Promise<void>;
  dismiss: (checkId: string) => void;
}

/**
 * Liveness prompts for this focal point: pushed over the socket (the server repeats open ones on
 * connect) and also polled, so a prompt is seen even where the socket cannot connect. Answers go
 * over the socket when it is up, over HTTPS otherwise; both carry the same signature.
 */
export function useLivenessPrompts(): LivenessPrompts {
  const client = useClient();
  const socket = useRef<FocalNetSocket>(undefined);
  const [prompts, setPrompts] = useState<LivenessPrompt[]>([]);
  const [results, setResults] = useState<ReadonlyMap<string, PromptResult>>(new Map());
  const [busy, setBusy] = useState<string>();
  // A poll that left before an answer was stored may still list the prompt: never show it again.
  const answered = useRef(new Set<string>());

  const add = useCallback((incoming: LivenessPrompt[]) => {
    setPrompts((current) => {
      const known = new Set(current.map((p) => p.checkId));
      const fresh = incoming.filter((p) => !known.has(p.checkId) && !answered.current.has(p.checkId));
      return fresh.length === 0 ? current : [...current, ...fresh];
    });
  }, []);

  useEffect(() => {
    const { socket: live, release } = holdSocket(client);
    socket.current = live;
    const unsubscribe = onLivenessPrompt(live, (prompt) => add([prompt]));
    const poll = (): void => {
      client.liveness.pending().then(add, () => undefined);
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      clearInterval(timer);
      unsubscribe();
      release();
      socket.current = undefined;
    };
  }, [client, add]);

  const answer = useCallback(
    async (prompt: LivenessPrompt): Promise<void> => {
      setBusy(prompt.checkId);
      let result: PromptResult;
      try {
        const live = socket.current;
        const outcome = live?.connected
          ? await answerLivenessPrompt(client.liveness, live, prompt)
          : await client.liveness.answer(prompt);
        result = { outcome };
        answered.current.add(prompt.checkId);
        setPrompts((current) => current.filter((p) => p.checkId !== prompt.checkId));
      } catch (error) {
        result = { error };
      }
      setResults((current) => new Map(current).set(prompt.checkId, result));
      setBusy(undefined);
    },
    [client],
  );

  const dismiss = useCallback((checkId: string) => {
    setResults((current) => {
      const next = new Map(current);
      next.delete(checkId);
      return next;
    });
  }, []);

  return { prompts, results, busy, answer, dismiss };
}
