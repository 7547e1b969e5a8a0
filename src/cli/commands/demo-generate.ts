import type { DemoSummary } from '../../modules/demo/use-cases/generate-demo-data.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

/** What the program looks like after generation, in a few lines (counts per status). */
function describeProgram(s: DemoSummary): string[] {
  const a = s.applications;
  const d = s.entryDiagnostics;
  const c = s.coaching;
  const f = s.funding;
  const e = s.engagement;
  return [
    'Program:',
    `  Applications: ${a.draft} drafts, ${a.submitted} awaiting review (${s.reviewRequested} asking for a review of their assessment), ${a.info_requested} information requested, ${a.accepted} accepted, ${a.refused} refused, ${a.waitlisted} waitlisted, ${a.withdrawn} withdrawn`,
    `  Entry diagnostics (T0): ${d.completed} completed (overall score ${d.lowest}–${d.highest}, median ${d.median}), ${d.inProgress} in progress`,
    `  Experts: ${s.experts.count} (capacity ${s.experts.capacity} files each), ${s.experts.filesAssigned} files assigned, ${s.experts.acceptedAwaitingExpert} accepted businesses awaiting an expert`,
    `  Sessions: ${c.sessionsHeld} held, ${c.sessionsAhead} ahead (${c.demoExpertSessionsThisWeek} in the next 7 days for the demo expert), ${c.sessionsCancelled} cancelled`,
    `  Action plans: ${c.plansDraft} drafts, ${c.plansApproved} approved (${c.plansWithOverdueAction} with an overdue action)`,
    `  Suppliers: ${c.suppliers} (fictional), ${c.ratings} ratings`,
    `  Closed files: ${c.closedCompleted} completed, ${c.closedAbandoned} abandoned; ${c.surveysAnswered} closing surveys answered, ${c.closingDiagnostics} closing diagnostics (T1)`,
    `  Funding: ${f.draft} draft and ${f.offered} offered agreements, ${f.claim_draft + f.content_due + f.financial_due + f.payment_due + f.payable_unverified + f.paid} accepted with a claim (${f.claim_draft} draft, ${f.content_due} awaiting content review, ${f.financial_due} financial review, ${f.payment_due} payment approval, ${f.payable_unverified} approved awaiting bank verification, ${f.paid} paid in ${f.batches} batch)`,
    `  Engagement: ${e.workshops} workshops (${e.registered} places held, ${e.waitlisted} waitlisted, ${e.present} present at the past webinar, ${e.satisfactionAnswers} satisfaction answers), ${e.newsletters} newsletter`,
  ];
}

export const demoGenerate: Command = {
  name: 'demo generate',
  summary: 'Fill an empty database with deterministic demo data and print the sign-ins',
  options: {
    retailers: { type: 'string', description: 'how many retailers (default 300)' },
    seed: { type: 'string', description: 'random seed: the same seed gives the same data (default 2027)' },
    'accounts-only': {
      type: 'boolean',
      description: 'only the accounts: no applications, diagnostics, experts or coaching',
    },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const started = performance.now();
    // The generator (and faker) load only for this command: every other command starts faster.
    const { generateDemoData } = await import('../../modules/demo/use-cases/generate-demo-data.ts');
    const result = await generateDemoData(systemCtx(services!, 'virage demo generate'), {
      retailers: Number(args.retailers ?? 300),
      seed: Number(args.seed ?? 2027),
      accountsOnly: args['accounts-only'] === true,
    });
    io.out(
      `Demo data: ${result.retailers} retailers, one account per role (${Math.round(performance.now() - started)} ms).`,
    );
    io.out('');
    io.out('Sign-ins (the same password for all):');
    for (const s of result.signIns) {
      const factor = s.totpSecret ? `  TOTP secret ${s.totpSecret}  recovery code ${s.recoveryCode}` : '';
      io.out(`  ${s.role.padEnd(12)} ${s.email.padEnd(34)} ${s.password}${factor}`);
    }
    io.out(
      'Staff accounts ask for a code: add the TOTP secret to an authenticator app, or use the recovery code once.',
    );
    if (result.summary) {
      io.out('');
      for (const line of describeProgram(result.summary)) io.out(line);
    }
    return 0;
  },
};
