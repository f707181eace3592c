import type { PracticeCard } from "../../../../shared/api/views";
import { displayPhoneNumber } from "../../format/phone";

/** The colleagues (confrères) the practice sends callers to when it cannot take them. */
export function ReferralList({ referrals }: { referrals: PracticeCard["referrals"] }) {
  if (referrals.length === 0) return null;
  return (
    <div className="card-block">
      <h3>Confrères</h3>
      <ul className="referral-list">
        {referrals.map((referral) => (
          <li key={`${referral.name}-${referral.phone}`}>
            <span className="referral__name">{referral.name}</span> — {referral.specialty}
            {referral.phone !== "" && <> — {displayPhoneNumber(referral.phone)}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
