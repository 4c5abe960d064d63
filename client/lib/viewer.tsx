import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { VIEWER, type Viewer } from '../graphql/operations';
import { onUnauthenticated, request } from '../graphql/request';
import { queryClient } from './queryClient';
import { endSession, SIGN_IN_PATH, signInPath } from './session';

export interface ViewerState {
  /** Undefined while unknown, null when nobody is signed in. */
  viewer: Viewer | null | undefined;
  /** After a successful sign-in. */
  signedIn(viewer: Viewer): void;
  signOut(): Promise<void>;
}

const ViewerContext = createContext<ViewerState>({
  viewer: undefined,
  signedIn: () => {},
  signOut: async () => {},
});

export const useViewer = () => useContext(ViewerContext);

/**
 * Who is signed in, for the header, and the app's single reaction to UNAUTHENTICATED: whatever
 * request gets it, the viewer is sent to the sign-in page, which brings them back afterwards.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    request(VIEWER, {}, { signal: controller.signal }).then(
      (d) => setViewer(d.viewer),
      // An unknown or revoked cookie answers UNAUTHENTICATED, handled below; other failures leave
      // the header without a name rather than block the page.
      () => !controller.signal.aborted && setViewer(null),
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        // What was cached was read with a sign-in that no longer holds.
        queryClient.clear();
        setViewer(null);
        const { pathname, search } = window.location;
        if (pathname !== SIGN_IN_PATH) navigate(signInPath(pathname, search), { replace: true });
      }),
    [navigate],
  );

  // A new sign-in may see other teams: nothing read before it is reused.
  const signedIn = useCallback((v: Viewer) => {
    queryClient.clear();
    setViewer(v);
  }, []);
  const signOut = useCallback(async () => {
    await endSession();
    queryClient.clear();
    setViewer(null);
    navigate(SIGN_IN_PATH);
  }, [navigate]);

  const value = useMemo(() => ({ viewer, signedIn, signOut }), [viewer, signedIn, signOut]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}
