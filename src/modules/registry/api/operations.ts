import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { correspondenceInput } from '../domain/correspondence.ts';
import {
  correspondence,
  presentEnterprise,
  presentImport,
  presentImportDetail,
  presentLicence,
  registryEnterprise,
  registryImport,
  registryImportDetail,
  registryImportList,
  registryLicence,
} from '../presenters/registry.ts';
import { getCorrespondence } from '../use-cases/get-correspondence.ts';
import { getRegistryImport } from '../use-cases/get-registry-import.ts';
import { getRegistryLicence } from '../use-cases/get-registry-licence.ts';
import { importFields, importRegistryExtract } from '../use-cases/import-registry-extract.ts';
import { listRegistryImports } from '../use-cases/list-registry-imports.ts';
import { lookUpEnterprise } from '../use-cases/look-up-enterprise.ts';
import { recordRegistryLicence, registryLicenceInput } from '../use-cases/record-registry-licence.ts';
import { revokeRegistryLicence } from '../use-cases/revoke-registry-licence.ts';
import { setCorrespondence } from '../use-cases/set-correspondence.ts';

/** The registry's file as the Registraire publishes it: about 250 MB. */
export const MAX_EXTRACT_BYTES = 512 * 1024 * 1024;

export const registryOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'importRegistryExtract',
    method: 'post',
    path: '/registry/imports',
    summary:
      'Upload the Registraire des entreprises’ open-data zip (administrators); it loads in the background and becomes current only when whole. The same file again changes nothing (`unchanged`)',
    tag: 'registry',
    access: 'user',
    upload: { file: 'file', maxBytes: MAX_EXTRACT_BYTES, fields: importFields },
    response: registryImport,
    successStatus: 202,
    handle: async (ctx, { body, file }) => {
      const { extract, unchanged } = await importRegistryExtract(
        ctx,
        {
          bytes: new Uint8Array(file ? await file.arrayBuffer() : new ArrayBuffer(0)),
          fileName: file?.name ?? '',
          fields: body,
        },
        { wait: false },
      );
      return presentImport(ctx.t)(extract, unchanged);
    },
  }),
  defineOperation({
    operationId: 'listRegistryImports',
    method: 'get',
    path: '/registry/imports',
    summary:
      'The latest imports of the registry’s file, newest first, with their provenance (administrators)',
    tag: 'registry',
    access: 'user',
    response: registryImportList,
    handle: async (ctx) => ({ items: (await listRegistryImports(ctx)).map((e) => presentImport(ctx.t)(e)) }),
  }),
  defineOperation({
    operationId: 'getRegistryImport',
    method: 'get',
    path: '/registry/imports/{id}',
    summary: 'One import: its progress, then its provenance, warnings and rejected rows (the first 100)',
    tag: 'registry',
    access: 'user',
    response: registryImportDetail,
    handle: async (ctx, { params }) => presentImportDetail(ctx.t, await getRegistryImport(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'getRegistryEnterprise',
    method: 'get',
    path: '/registry/enterprises/{neq}',
    summary:
      'A business as the current registry extract describes it: names, status, legal form, employee band, activities (CAE and NAICS), displayable address, establishments. Staff: any NEQ; an applicant: their own; others: rate-limited (429)',
    tag: 'registry',
    access: 'public',
    response: registryEnterprise,
    handle: async (ctx, { params }) => presentEnterprise(await lookUpEnterprise(ctx, params.neq!)),
  }),
  defineOperation({
    operationId: 'getCaeNaicsCorrespondence',
    method: 'get',
    path: '/registry/cae-naics',
    summary: 'The CAE → NAICS correspondence the program reasons with',
    tag: 'registry',
    access: 'user',
    response: correspondence,
    handle: async (ctx) => ({ items: await getCorrespondence(ctx) }),
  }),
  defineOperation({
    operationId: 'setCaeNaicsCorrespondence',
    method: 'put',
    path: '/registry/cae-naics',
    summary: 'Replace the CAE → NAICS correspondence (administrators; audited)',
    tag: 'registry',
    access: 'user',
    body: correspondenceInput,
    response: correspondence,
    handle: async (ctx, { body }) => ({ items: await setCorrespondence(ctx, body) }),
  }),
  defineOperation({
    operationId: 'getRegistryLicence',
    method: 'get',
    path: '/registry/licence',
    summary:
      'Whether an administrator has recorded that the registry’s licence allows republishing registry-derived values (research extracts), with the records kept (administrators)',
    tag: 'registry',
    access: 'user',
    response: registryLicence,
    handle: async (ctx) => presentLicence(await getRegistryLicence(ctx)),
  }),
  defineOperation({
    operationId: 'recordRegistryLicence',
    method: 'put',
    path: '/registry/licence',
    summary:
      'Record that the registry’s licence allows republication: research extracts then include registry-derived variables; audited; 409 while a record is in force (administrators)',
    tag: 'registry',
    access: 'user',
    body: registryLicenceInput,
    response: registryLicence,
    handle: async (ctx, { body }) => presentLicence(await recordRegistryLicence(ctx, body)),
  }),
  defineOperation({
    operationId: 'revokeRegistryLicence',
    method: 'delete',
    path: '/registry/licence',
    summary:
      'Revoke the record in force: research extracts leave registry-derived variables out again; the record stays, marked revoked; audited; 409 when none is in force (administrators)',
    tag: 'registry',
    access: 'user',
    response: registryLicence,
    handle: async (ctx) => presentLicence(await revokeRegistryLicence(ctx)),
  }),
];
