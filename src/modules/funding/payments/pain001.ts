import { type BankAccount, routingNumber } from '../domain/bank-account.ts';
import { type Cents, decimalAmount, sumCents } from '../domain/money.ts';

/**
 * An ISO 20022 customer credit transfer initiation (`pain.001.001.03`), the file Canadian banks take
 * for a batch of electronic payments: one debit of the program's account, one credit per retailer.
 * It is built from data only, so the same batch always gives the same file.
 */
export type CreditTransferBatch = {
  /** Unique per file sent to the bank (the bank refuses a message id it has seen): at most 35 characters. */
  messageId: string;
  createdAt: Date;
  /** The day the bank is asked to pay, `2027-06-15`. */
  executionDate: string;
  debtor: { name: string; account: BankAccount };
  payments: readonly CreditTransfer[];
};

export type CreditTransfer = {
  /** Travels to the retailer's bank statement and back in the bank's report: at most 35 characters. */
  endToEndId: string;
  creditorName: string;
  account: BankAccount;
  amountCents: Cents;
  /** What the retailer reads on its statement (the claim and the program): at most 140 characters. */
  remittance: string;
};

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
/** Payments Canada's clearing system code in ISO 20022. */
const CANADIAN_CLEARING = 'CACPA';

function max(text: string, length: number, what: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > length)
    throw new RangeError(`${what} must have 1 to ${length} characters`);
  return trimmed;
}

const agent = (account: BankAccount) => ({
  FinInstnId: { ClrSysMmbId: { ClrSysId: { Cd: CANADIAN_CLEARING }, MmbId: routingNumber(account) } },
});
const accountOf = (account: BankAccount) => ({ Id: { Othr: { Id: account.account } } });
/** Names longer than the standard's 140 characters are cut rather than refused: the account number decides where money goes. */
const name = (text: string) => text.trim().slice(0, 140);

/** An element's content: text, child elements by name (a list repeats the element), `@name` attributes and `#` text. */
type Content = string | { [name: string]: Content | readonly Content[] };

const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', '&quot;');

/**
 * Writes an element straight into text, indented by two spaces per level (the layout banks' examples
 * use). A file of thousands of payments is written many times faster than through a DOM.
 */
function element(name: string, content: Content, indent: string): string {
  if (typeof content === 'string')
    return content === '' ? `\n${indent}<${name}/>` : `\n${indent}<${name}>${escapeText(content)}</${name}>`;
  let attributes = '';
  let text: string | undefined;
  let inner = '';
  const deeper = `${indent}  `;
  for (const key in content) {
    const value = content[key]!;
    if (key === '#') text = value as string;
    else if (key[0] === '@') attributes += ` ${key.slice(1)}="${escapeAttribute(value as string)}"`;
    else if (Array.isArray(value)) for (const item of value) inner += element(key, item, deeper);
    else inner += element(key, value as Content, deeper);
  }
  return text === undefined
    ? `\n${indent}<${name}${attributes}>${inner}\n${indent}</${name}>`
    : `\n${indent}<${name}${attributes}>${escapeText(text)}</${name}>`;
}

const xmlDocument = (root: string, content: Content) =>
  `<?xml version="1.0" encoding="UTF-8"?>${element(root, content, '')}`;

export function pain001Xml(batch: CreditTransferBatch): string {
  if (batch.payments.length === 0) throw new RangeError('A payment file needs at least one payment');
  for (const p of batch.payments)
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents <= 0)
      throw new RangeError(`Amount of ${p.endToEndId} must be positive cents`);
  const count = String(batch.payments.length);
  const controlSum = decimalAmount(sumCents(batch.payments.map((p) => p.amountCents)));
  const messageId = max(batch.messageId, 35, 'The message id');

  return xmlDocument('Document', {
    '@xmlns': NAMESPACE,
    CstmrCdtTrfInitn: {
      GrpHdr: {
        MsgId: messageId,
        CreDtTm: batch.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        NbOfTxs: count,
        CtrlSum: controlSum,
        InitgPty: { Nm: name(batch.debtor.name) },
      },
      PmtInf: {
        PmtInfId: messageId,
        PmtMtd: 'TRF',
        NbOfTxs: count,
        CtrlSum: controlSum,
        ReqdExctnDt: batch.executionDate,
        Dbtr: { Nm: name(batch.debtor.name) },
        DbtrAcct: accountOf(batch.debtor.account),
        DbtrAgt: agent(batch.debtor.account),
        CdtTrfTxInf: batch.payments.map((p) => ({
          PmtId: { EndToEndId: max(p.endToEndId, 35, 'An end-to-end id') },
          Amt: { InstdAmt: { '@Ccy': 'CAD', '#': decimalAmount(p.amountCents) } },
          CdtrAgt: agent(p.account),
          Cdtr: { Nm: name(p.creditorName) },
          CdtrAcct: accountOf(p.account),
          RmtInf: { Ustrd: max(p.remittance, 140, 'A remittance') },
        })),
      },
    },
  });
}
