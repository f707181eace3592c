import type { PracticeCard } from "../../../../shared/api/views";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";
import { displayPhoneNumber } from "../../format/phone";
import { useCallLineStore } from "../../stores/callLineStore";
import { sentToColleague } from "../call/callCommands";

/**
 * The colleagues (confrères) the practice sends callers to when it cannot take them, one key away (Alt+E)
 * however long the card; during a call, sending the caller to one is the call's outcome in one click.
 */
export function ReferralList({ referrals }: { referrals: PracticeCard["referrals"] }) {
  const onCall = useCallLineStore((state) => state.current !== null);
  return (
    <section className="card-block" aria-labelledby={FOCUS_TARGETS.referrals}>
      <h3 id={FOCUS_TARGETS.referrals} tabIndex={-1} aria-keyshortcuts={shortcutKeys("referrals")}>
        Confrères
      </h3>
      {referrals.length === 0 ? (
        <p className="muted">Aucun confrère indiqué par le cabinet.</p>
      ) : (
        <ul className="referral-list">
          {referrals.map((referral) => (
            <li key={`${referral.name}-${referral.phone}`}>
              <span className="referral__name">{referral.name}</span> — {referral.specialty}
              {referral.phone !== "" && <> — {displayPhoneNumber(referral.phone)}</>}
              {onCall && (
                <button type="button" className="button referral__send" onClick={() => sentToColleague(referral.name)}>
                  {`Réorienter vers ${referral.name}`}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
