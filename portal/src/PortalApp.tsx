import { useEffect, useMemo, useState } from "react";
import type { PortalSessionView, PortalLoginResponse } from "../../shared/api/portal";
import { createPortalApi, PortalApiError, type PortalApi } from "./portalApi";
import { PortalShell } from "./PortalShell";
import { RecoveryCodes } from "./RecoveryCodes";
import { SecondFactor } from "./SecondFactor";
import { SignIn } from "./SignIn";

type TotpSetup = Extract<PortalLoginResponse, { step: "setup" }>["setup"];

type Stage =
  | { kind: "loading" }
  | { kind: "signedOut"; notice: string | null }
  | { kind: "code"; setup: TotpSetup | null }
  | { kind: "recovery"; codes: string[]; session: PortalSessionView }
  | { kind: "signedIn"; session: PortalSessionView };

/**
 * The portal's page: signed out (password), then the code (and, the first time, the secret to scan and the
 * recovery codes to note), then the doctor's messages. A session the server closed (idle, logout elsewhere)
 * brings the sign-in back with its reason.
 */
export function PortalApp({ api: given }: { api?: PortalApi }) {
  const api = useMemo(() => given ?? createPortalApi(), [given]);
  const [stage, setStage] = useState<Stage>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    api.session().then(
      (session) => live && setStage({ kind: "signedIn", session }),
      (error: unknown) => live && setStage({ kind: "signedOut", notice: error instanceof PortalApiError && error.code !== "unauthenticated" ? error.message : null }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const signedOut = (notice: string | null) => setStage({ kind: "signedOut", notice });

  switch (stage.kind) {
    case "loading":
      return <p className="portal-loading">Chargement…</p>;
    case "signedOut":
      return <SignIn api={api} notice={stage.notice} onPassword={(answer) => setStage({ kind: "code", setup: answer.step === "setup" ? answer.setup : null })} />;
    case "code":
      return (
        <SecondFactor
          api={api}
          setup={stage.setup}
          onSignedIn={(answer) =>
            setStage(answer.recoveryCodes ? { kind: "recovery", codes: answer.recoveryCodes, session: answer.session } : { kind: "signedIn", session: answer.session })
          }
          onRestart={signedOut}
        />
      );
    case "recovery":
      return <RecoveryCodes codes={stage.codes} onNoted={() => setStage({ kind: "signedIn", session: stage.session })} />;
    case "signedIn":
      return <PortalShell api={api} session={stage.session} onSignedOut={signedOut} />;
  }
}
