import type { ActivityReport } from "../../../../shared/api/reportApi";
import { NBSP } from "../../format/typography";
import { formatCount } from "./reportFormat";
import { hourSpan } from "./reportSeries";

const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const TITLE = "Charge par jour de la semaine et heure";

/**
 * Where the calls fall in the week, to staff the phones: a table whose cells are shaded by their share of
 * the busiest hour — a chart that is already its table, read cell by cell by a screen reader.
 */
export function LoadHeatMap({ hours }: { hours: ActivityReport["hours"] }) {
  const span = hourSpan(hours);
  const busiest = Math.max(1, ...hours.map((entry) => entry.received));
  const cell = (weekday: number, hour: number) => hours.find((entry) => entry.weekday === weekday && entry.hour === hour);
  return (
    <figure className="report-chart" aria-labelledby="charge-titre">
      <figcaption className="report-chart__caption">
        <h3 id="charge-titre">{TITLE}</h3>
        <p className="muted">{`Appels reçus sur la période ; la teinte suit la part de l'heure la plus chargée (${formatCount(busiest)}${NBSP}appels).`}</p>
      </figcaption>
      <div className="heat-map__scroll">
        <table className="heat-map" aria-labelledby="charge-titre">
          <thead>
            <tr>
              <td />
              {span.map((hour) => (
                <th key={hour} scope="col" aria-label={`${hour}${NBSP}h`}>
                  {`${hour}${NBSP}h`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, index) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {span.map((hour) => {
                  const received = cell(index + 1, hour)?.received ?? 0;
                  const share = received / busiest;
                  return (
                    <td key={hour} className={share > 0.55 ? "heat-map__cell heat-map__cell--dark" : "heat-map__cell"} style={{ backgroundColor: `rgba(29, 78, 216, ${(share * 0.9).toFixed(2)})` }}>
                      {received === 0 ? "" : formatCount(received)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
