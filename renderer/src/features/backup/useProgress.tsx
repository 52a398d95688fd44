import { useEffect, useState } from 'react';
import type { EventPayloads } from '@shared/api';
import { onEvent } from '../../api/client';

type Progress = EventPayloads['progress'];

/** The latest progress event of one kind of long work, listened to only while that work runs. */
export function useProgress(task: string, running: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!running) return undefined;
    const unsubscribe = onEvent('progress', (payload) => {
      if (payload.task === task) setProgress(payload);
    });
    return () => {
      unsubscribe();
      // The next run starts from nothing, not from where this one stopped.
      setProgress(null);
    };
  }, [task, running]);
  return running ? progress : null;
}

/** A progress bar for long work, named for screen readers; nothing until the first event arrives. */
export function ProgressBar({ progress, label }: { progress: Progress | null; label: string }) {
  if (!progress || progress.total <= 0) return null;
  return <progress className="progress" max={progress.total} value={progress.done} aria-label={label} />;
}
