import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { MAIL_KINDS, MAIL_STATUSES, type OutboxMail } from "@defis/domain";
import { formatDateTime } from "../../lib/format";

function recipientOf(mail: OutboxMail): string {
  return mail.recipientName ? `${mail.recipientName} (${mail.recipientEmail})` : mail.recipientEmail;
}

/** Each mail as an accordion: what a list needs in its title, the whole message inside. */
export function OutboxList({ mails }: { mails: OutboxMail[] }) {
  return (
    <div className={fr.cx("fr-accordions-group")}>
      {mails.map((mail) => (
        <Accordion
          key={mail.id}
          titleAs="h3"
          label={
            <span>
              {mail.subject}
              <br />
              <span className={fr.cx("fr-text--sm", "fr-text--regular")}>
                {formatDateTime(mail.createdAt)} · à {mail.recipientName ?? mail.recipientEmail} ·{" "}
                {MAIL_STATUSES[mail.status]}
              </span>
            </span>
          }
        >
          <dl className={fr.cx("fr-mb-2w")}>
            <MailFact label="Type">{MAIL_KINDS[mail.kind]}</MailFact>
            <MailFact label="Destinataire">{recipientOf(mail)}</MailFact>
            <MailFact label="Écrit le">{formatDateTime(mail.createdAt)}</MailFact>
            <MailFact label="Statut">
              {MAIL_STATUSES[mail.status]}
              {mail.sentAt && <> le {formatDateTime(mail.sentAt)}</>}
              {mail.attempts > 1 && <> ({mail.attempts} tentatives)</>}
            </MailFact>
            {mail.lastError && <MailFact label="Dernière erreur">{mail.lastError}</MailFact>}
          </dl>
          {/* Plain text as the recipient reads it: line breaks and indentation kept. */}
          <pre
            className={fr.cx("fr-p-2w")}
            style={{
              whiteSpace: "pre-wrap",
              fontFamily: "inherit",
              background: fr.colors.decisions.background.alt.grey.default,
            }}
          >
            {mail.body}
          </pre>
        </Accordion>
      ))}
    </div>
  );
}

function MailFact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className={fr.cx("fr-mb-1v")}>
      <dt className={fr.cx("fr-text--bold")} style={{ display: "inline" }}>
        {label} :{" "}
      </dt>
      <dd style={{ display: "inline", margin: 0 }}>{children}</dd>
    </div>
  );
}
