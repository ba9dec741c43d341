// /work/main/__tests__/unit/storage-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration", {"importedNames":["S3BucketLifecycleConfiguration"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-logging", {"importedNames":["S3BucketLoggingA"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-ownership-controls", {"importedNames":["S3BucketOwnershipControls"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-public-access-block", {"importedNames":["S3BucketPublicAccessBlock"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration", {"importedNames":["S3BucketServerSideEncryptionConfigurationA"]});
const __vite_ssr_import_5__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-versioning", {"importedNames":["S3BucketVersioningA"]});
const __vite_ssr_import_6__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_7__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/log-delivery-policy.cjs", {"importedNames":["ELB_LOG_ACCOUNT_BY_REGION"]});
const __vite_ssr_import_8__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["editedConfig","resourcesOf","synthConfig","synthEnvironment"]});









const REMOTE_KEY_REF = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.(\w+)\}$/;
function policyOf(stack, bucket) {
  return JSON.parse((0,__vite_ssr_import_8__.resourcesOf)(stack, "aws_s3_bucket_policy")[`${bucket}_policy`].policy);
}
__vite_ssr_import_6__.describe.each(["dev", "staging", "prod"])("%s storage stack", (env) => {
  const synth = (0,__vite_ssr_import_8__.synthEnvironment)(env);
  const storage = synth.stack("storage");
  const { config } = synth;
  const buckets = (0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket");
  (0,__vite_ssr_import_6__.it)("names buckets <project>-<env>-<purpose>-<account> and never force-destroys them", () => {
    (0,__vite_ssr_import_6__.expect)(buckets.recordings_bucket.bucket).toBe(`${config.project}-${env}-recordings-${config.accountId}`);
    (0,__vite_ssr_import_6__.expect)(buckets.logs_bucket.bucket).toBe(`${config.project}-${env}-logs-${config.accountId}`);
    for (const bucket of Object.values(buckets)) {
      (0,__vite_ssr_import_6__.expect)(bucket.force_destroy).toBe(false);
      (0,__vite_ssr_import_6__.expect)(bucket.bucket.length).toBeLessThanOrEqual(63);
    }
  });
  (0,__vite_ssr_import_6__.it)("versions, blocks public access and disables ACLs on every bucket", () => {
    const count = Object.keys(buckets).length;
    (0,__vite_ssr_import_6__.expect)(Object.keys((0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_versioning"))).toHaveLength(count);
    (0,__vite_ssr_import_6__.expect)(Object.keys((0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_public_access_block"))).toHaveLength(count);
    (0,__vite_ssr_import_6__.expect)(Object.keys((0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_ownership_controls"))).toHaveLength(count);
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_5__.S3BucketVersioningA), { versioning_configuration: { status: "Enabled" } });
    for (const block of Object.values((0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_public_access_block"))) {
      (0,__vite_ssr_import_6__.expect)(block).toEqual(
        __vite_ssr_import_6__.expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true })
      );
    };
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_3__.S3BucketPublicAccessBlock), { bucket: "${aws_s3_bucket.recordings_bucket.id}" });
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_2__.S3BucketOwnershipControls), { rule: { object_ownership: "BucketOwnerEnforced" } });
    for (const controls of Object.values((0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_ownership_controls"))) {
      (0,__vite_ssr_import_6__.expect)(controls.rule.object_ownership).toBe("BucketOwnerEnforced");
    }
  });
  (0,__vite_ssr_import_6__.it)("encrypts recordings with the storage CMK from secrets-kms and a bucket key", () => {
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_4__.S3BucketServerSideEncryptionConfigurationA), {
      bucket: "${aws_s3_bucket.recordings_bucket.id}",
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: __vite_ssr_import_6__.expect.stringMatching(REMOTE_KEY_REF) },
          bucket_key_enabled: true
        }
      ]
    });
    const sse = (0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_server_side_encryption_configuration").recordings_bucket_encryption;
    const output = REMOTE_KEY_REF.exec(sse.rule[0].apply_server_side_encryption_by_default.kms_master_key_id)[1];
    (0,__vite_ssr_import_6__.expect)(synth.stack("secrets-kms").json.output?.[output]?.value).toBe("${aws_kms_key.storage_key.arn}");
  });
  (0,__vite_ssr_import_6__.it)("encrypts the logs bucket with SSE-S3, the only encryption ALB and S3 access logging can write to", () => {
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_4__.S3BucketServerSideEncryptionConfigurationA), {
      bucket: "${aws_s3_bucket.logs_bucket.id}",
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]
    });
  });
  __vite_ssr_import_6__.it.each(["recordings_bucket", "logs_bucket"])("%s denies every request without TLS 1.2+", (bucket) => {
    const statements = policyOf(storage, bucket).Statement;
    const arn = `\${aws_s3_bucket.${bucket}.arn}`;
    (0,__vite_ssr_import_6__.expect)(statements).toContainEqual(
      __vite_ssr_import_6__.expect.objectContaining({
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } }
      })
    );
    (0,__vite_ssr_import_6__.expect)(statements).toContainEqual(
      __vite_ssr_import_6__.expect.objectContaining({ Effect: "Deny", Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } })
    );
    (0,__vite_ssr_import_6__.expect)(statements.filter((s) => s.Effect === "Allow" && (s.Principal === "*" || s.Principal?.AWS === "*"))).toEqual([]);
  });
  (0,__vite_ssr_import_6__.it)("lets the region's ELB account and the log-delivery service write ALB logs, only under the ALB prefix", () => {
    const statements = policyOf(storage, "logs_bucket").Statement;
    const albResource = `\${aws_s3_bucket.logs_bucket.arn}/${synth.stacks.storage.albLogPrefix}/AWSLogs/${config.accountId}/*`;
    (0,__vite_ssr_import_6__.expect)(statements).toContainEqual(
      __vite_ssr_import_6__.expect.objectContaining({
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${__vite_ssr_import_7__.ELB_LOG_ACCOUNT_BY_REGION[config.region]}:root` },
        Action: "s3:PutObject",
        Resource: albResource
      })
    );
    (0,__vite_ssr_import_6__.expect)(statements).toContainEqual(
      __vite_ssr_import_6__.expect.objectContaining({
        Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: albResource
      })
    );
  });
  (0,__vite_ssr_import_6__.it)("lets S3 server access logging write only from this account's buckets", () => {
    const statement = policyOf(storage, "logs_bucket").Statement.find((s) => s.Principal?.Service === "logging.s3.amazonaws.com");
    (0,__vite_ssr_import_6__.expect)(statement).toEqual(
      __vite_ssr_import_6__.expect.objectContaining({
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: "${aws_s3_bucket.logs_bucket.arn}/s3-access/*",
        Condition: {
          StringEquals: { "aws:SourceAccount": config.accountId },
          ArnLike: { "aws:SourceArn": [`arn:aws:s3:::${config.project}-${env}-*`] }
        }
      })
    );
  });
  (0,__vite_ssr_import_6__.it)("keeps the recordings bucket's policy to the TLS denies: no service may write into it", () => {
    (0,__vite_ssr_import_6__.expect)(policyOf(storage, "recordings_bucket").Statement.map((s) => s.Effect)).toEqual(["Deny", "Deny"]);
  });
  (0,__vite_ssr_import_6__.it)("logs recordings-bucket access into the logs bucket, partitioned by date", () => {
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_1__.S3BucketLoggingA), {
      bucket: "${aws_s3_bucket.recordings_bucket.id}",
      target_bucket: "${aws_s3_bucket.logs_bucket.bucket}",
      target_prefix: "s3-access/recordings/",
      target_object_key_format: { partitioned_prefix: { partition_date_source: "EventTime" } }
    });
    (0,__vite_ssr_import_6__.expect)(Object.keys((0,__vite_ssr_import_8__.resourcesOf)(storage, "aws_s3_bucket_logging"))).toEqual(["recordings_bucket_access_logs"]);
  });
  (0,__vite_ssr_import_6__.it)("expires recordings as configured (current, noncurrent, multipart)", () => {
    const recordings = config.storage.recordings;
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_0__.S3BucketLifecycleConfiguration), {
      bucket: "${aws_s3_bucket.recordings_bucket.id}",
      rule: [
        __vite_ssr_import_6__.expect.objectContaining({
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: recordings.expirationDays }],
          noncurrent_version_expiration: [{ noncurrent_days: recordings.noncurrentExpirationDays }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: recordings.abortIncompleteMultipartUploadDays }]
        })
      ]
    });
  });
  (0,__vite_ssr_import_6__.it)("moves logs to Glacier, then expires them as configured", () => {
    const { logs } = config.storage;
    (0,__vite_ssr_import_6__.expect)(storage.text).toHaveResourceWithProperties((0,__vite_ssr_import_0__.S3BucketLifecycleConfiguration), {
      bucket: "${aws_s3_bucket.logs_bucket.id}",
      rule: [
        __vite_ssr_import_6__.expect.objectContaining({
          transition: [{ days: logs.glacierTransitionDays, storage_class: "GLACIER" }],
          expiration: [{ days: logs.expirationDays }],
          noncurrent_version_expiration: [{ noncurrent_days: logs.noncurrentExpirationDays }]
        })
      ]
    });
  });
  (0,__vite_ssr_import_6__.it)("exposes the contract's bucket names and ARNs as references, not literals", () => {
    const s = synth.stacks.storage;
    for (const value of [s.recordingsBucketName, s.recordingsBucketArn, s.logsBucketName, s.logsBucketArn]) {
      (0,__vite_ssr_import_6__.expect)(value).toMatch(/\$\{TfToken\[/);
    }
  });
});
(0,__vite_ssr_import_6__.describe)("ALB log delivery outside the ELB-account table", () => {
  const storage = (0,__vite_ssr_import_8__.synthConfig)(
    (0,__vite_ssr_import_8__.editedConfig)("dev", (raw) => {
      raw.region = "ap-southeast-4";
      raw.stateBackend.region = "ap-southeast-4";
      raw.network.availabilityZones = ["ap-southeast-4a", "ap-southeast-4b"];
    })
  ).stack("storage");
  (0,__vite_ssr_import_6__.it)("falls back to the log-delivery service principal alone", () => {
    const albWriters = policyOf(storage, "logs_bucket").Statement.filter((s) => String(s.Resource).includes("/alb/AWSLogs/")).map((s) => s.Principal);
    (0,__vite_ssr_import_6__.expect)(albWriters).toEqual([{ Service: "logdelivery.elasticloadbalancing.amazonaws.com" }]);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBOzs7Ozs7Ozs7O0FBRUEsTUFBTSxpQkFBaUI7QUFFdkIsU0FBUyxTQUFTLE9BQWlFLFFBQWdCO0FBQ2pHLFNBQU8sS0FBSyxTQUFNLG1DQUFZLE9BQU8sc0JBQXNCLEVBQUUsR0FBRyxNQUFNLFNBQVMsRUFBRSxNQUFNO0FBQ3pGO0FBRUEsK0JBQVMsS0FBSyxDQUFDLE9BQU8sV0FBVyxNQUFNLENBQUMsRUFBRSxvQkFBb0IsQ0FBQyxRQUFRO0FBQ3JFLFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUNsQyxRQUFNLFVBQVUsTUFBTSxNQUFNLFNBQVM7QUFDckMsUUFBTSxFQUFFLE9BQU8sSUFBSTtBQUNuQixRQUFNLGFBQVUsbUNBQVksU0FBUyxlQUFlO0FBRXBELCtCQUFHLG1GQUFtRixNQUFNO0FBQzFGLHFDQUFPLFFBQVEsa0JBQWtCLE1BQU0sRUFBRSxLQUFLLEdBQUcsT0FBTyxPQUFPLElBQUksR0FBRyxlQUFlLE9BQU8sU0FBUyxFQUFFO0FBQ3ZHLHFDQUFPLFFBQVEsWUFBWSxNQUFNLEVBQUUsS0FBSyxHQUFHLE9BQU8sT0FBTyxJQUFJLEdBQUcsU0FBUyxPQUFPLFNBQVMsRUFBRTtBQUMzRixlQUFXLFVBQVUsT0FBTyxPQUFPLE9BQU8sR0FBRztBQUMzQyx1Q0FBTyxPQUFPLGFBQWEsRUFBRSxLQUFLLEtBQUs7QUFDdkMsdUNBQU8sT0FBTyxPQUFPLE1BQU0sRUFBRSxvQkFBb0IsRUFBRTtBQUFBLElBQ3JEO0FBQUEsRUFDRixDQUFDO0FBRUQsK0JBQUcsb0VBQW9FLE1BQU07QUFDM0UsVUFBTSxRQUFRLE9BQU8sS0FBSyxPQUFPLEVBQUU7QUFDbkMscUNBQU8sT0FBTyxRQUFLLG1DQUFZLFNBQVMsMEJBQTBCLENBQUMsQ0FBQyxFQUFFLGFBQWEsS0FBSztBQUN4RixxQ0FBTyxPQUFPLFFBQUssbUNBQVksU0FBUyxtQ0FBbUMsQ0FBQyxDQUFDLEVBQUUsYUFBYSxLQUFLO0FBQ2pHLHFDQUFPLE9BQU8sUUFBSyxtQ0FBWSxTQUFTLGtDQUFrQyxDQUFDLENBQUMsRUFBRSxhQUFhLEtBQUs7QUFDaEcscUNBQU8sUUFBUSxJQUFJLEVBQUUsZ0NBQTZCLDRDQUFxQixFQUFFLDBCQUEwQixFQUFFLFFBQVEsVUFBVSxFQUFFLENBQUM7QUFDMUgsZUFBVyxTQUFTLE9BQU8sVUFBTyxtQ0FBWSxTQUFTLG1DQUFtQyxDQUFDLEdBQUc7QUFDNUYsdUNBQU8sS0FBSyxFQUFFO0FBQUEsUUFDWiw2QkFBTyxpQkFBaUIsRUFBRSxtQkFBbUIsTUFBTSxxQkFBcUIsTUFBTSxvQkFBb0IsTUFBTSx5QkFBeUIsS0FBSyxDQUFDO0FBQUEsTUFDekk7QUFBQSxJQUNGO0FBQ0EscUNBQU8sUUFBUSxJQUFJLEVBQUUsZ0NBQTZCLGtEQUEyQixFQUFFLFFBQVEsd0NBQXdDLENBQUM7QUFDaEkscUNBQU8sUUFBUSxJQUFJLEVBQUUsZ0NBQTZCLGtEQUEyQixFQUFFLE1BQU0sRUFBRSxrQkFBa0Isc0JBQXNCLEVBQUUsQ0FBQztBQUNsSSxlQUFXLFlBQVksT0FBTyxVQUFPLG1DQUFZLFNBQVMsa0NBQWtDLENBQUMsR0FBRztBQUM5Rix1Q0FBTyxTQUFTLEtBQUssZ0JBQWdCLEVBQUUsS0FBSyxxQkFBcUI7QUFBQSxJQUNuRTtBQUFBLEVBQ0YsQ0FBQztBQUVELCtCQUFHLDhFQUE4RSxNQUFNO0FBQ3JGLHFDQUFPLFFBQVEsSUFBSSxFQUFFLGdDQUE2QixtRUFBNEM7QUFBQSxNQUM1RixRQUFRO0FBQUEsTUFDUixNQUFNO0FBQUEsUUFDSjtBQUFBLFVBQ0UseUNBQXlDLEVBQUUsZUFBZSxXQUFXLG1CQUFtQiw2QkFBTyxlQUFlLGNBQWMsRUFBRTtBQUFBLFVBQzlILG9CQUFvQjtBQUFBLFFBQ3RCO0FBQUEsTUFDRjtBQUFBLElBQ0YsQ0FBQztBQUNELFVBQU0sU0FBTSxtQ0FBWSxTQUFTLG9EQUFvRCxFQUFFO0FBQ3ZGLFVBQU0sU0FBUyxlQUFlLEtBQUssSUFBSSxLQUFLLENBQUMsRUFBRSx3Q0FBd0MsaUJBQWlCLEVBQUcsQ0FBQztBQUM1RyxxQ0FBTyxNQUFNLE1BQU0sYUFBYSxFQUFFLEtBQUssU0FBUyxNQUFNLEdBQUcsS0FBSyxFQUFFLEtBQUssZ0NBQWdDO0FBQUEsRUFDdkcsQ0FBQztBQUVELCtCQUFHLG9HQUFvRyxNQUFNO0FBQzNHLHFDQUFPLFFBQVEsSUFBSSxFQUFFLGdDQUE2QixtRUFBNEM7QUFBQSxNQUM1RixRQUFRO0FBQUEsTUFDUixNQUFNLENBQUMsRUFBRSx5Q0FBeUMsRUFBRSxlQUFlLFNBQVMsRUFBRSxDQUFDO0FBQUEsSUFDakYsQ0FBQztBQUFBLEVBQ0gsQ0FBQztBQUVELDJCQUFHLEtBQUssQ0FBQyxxQkFBcUIsYUFBYSxDQUFDLEVBQUUsNENBQTRDLENBQUMsV0FBVztBQUNwRyxVQUFNLGFBQWEsU0FBUyxTQUFTLE1BQU0sRUFBRTtBQUM3QyxVQUFNLE1BQU0sb0JBQW9CLE1BQU07QUFDdEMscUNBQU8sVUFBVSxFQUFFO0FBQUEsTUFDakIsNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsUUFBUTtBQUFBLFFBQ1IsV0FBVztBQUFBLFFBQ1gsUUFBUTtBQUFBLFFBQ1IsVUFBVSxDQUFDLEtBQUssR0FBRyxHQUFHLElBQUk7QUFBQSxRQUMxQixXQUFXLEVBQUUsTUFBTSxFQUFFLHVCQUF1QixRQUFRLEVBQUU7QUFBQSxNQUN4RCxDQUFDO0FBQUEsSUFDSDtBQUNBLHFDQUFPLFVBQVUsRUFBRTtBQUFBLE1BQ2pCLDZCQUFPLGlCQUFpQixFQUFFLFFBQVEsUUFBUSxXQUFXLEVBQUUsaUJBQWlCLEVBQUUsaUJBQWlCLE1BQU0sRUFBRSxFQUFFLENBQUM7QUFBQSxJQUN4RztBQUNBLHFDQUFPLFdBQVcsT0FBTyxDQUFDLE1BQVcsRUFBRSxXQUFXLFlBQVksRUFBRSxjQUFjLE9BQU8sRUFBRSxXQUFXLFFBQVEsSUFBSSxDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUM3SCxDQUFDO0FBRUQsK0JBQUcsd0dBQXdHLE1BQU07QUFDL0csVUFBTSxhQUFhLFNBQVMsU0FBUyxhQUFhLEVBQUU7QUFDcEQsVUFBTSxjQUFjLHFDQUFxQyxNQUFNLE9BQU8sUUFBUSxZQUFZLFlBQVksT0FBTyxTQUFTO0FBQ3RILHFDQUFPLFVBQVUsRUFBRTtBQUFBLE1BQ2pCLDZCQUFPLGlCQUFpQjtBQUFBLFFBQ3RCLFFBQVE7QUFBQSxRQUNSLFdBQVcsRUFBRSxLQUFLLGdCQUFnQixnREFBMEIsT0FBTyxNQUFNLENBQUMsUUFBUTtBQUFBLFFBQ2xGLFFBQVE7QUFBQSxRQUNSLFVBQVU7QUFBQSxNQUNaLENBQUM7QUFBQSxJQUNIO0FBQ0EscUNBQU8sVUFBVSxFQUFFO0FBQUEsTUFDakIsNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsV0FBVyxFQUFFLFNBQVMsaURBQWlEO0FBQUEsUUFDdkUsUUFBUTtBQUFBLFFBQ1IsVUFBVTtBQUFBLE1BQ1osQ0FBQztBQUFBLElBQ0g7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRyx3RUFBd0UsTUFBTTtBQUMvRSxVQUFNLFlBQVksU0FBUyxTQUFTLGFBQWEsRUFBRSxVQUFVLEtBQUssQ0FBQyxNQUFXLEVBQUUsV0FBVyxZQUFZLDBCQUEwQjtBQUNqSSxxQ0FBTyxTQUFTLEVBQUU7QUFBQSxNQUNoQiw2QkFBTyxpQkFBaUI7QUFBQSxRQUN0QixRQUFRO0FBQUEsUUFDUixRQUFRO0FBQUEsUUFDUixVQUFVO0FBQUEsUUFDVixXQUFXO0FBQUEsVUFDVCxjQUFjLEVBQUUscUJBQXFCLE9BQU8sVUFBVTtBQUFBLFVBQ3RELFNBQVMsRUFBRSxpQkFBaUIsQ0FBQyxnQkFBZ0IsT0FBTyxPQUFPLElBQUksR0FBRyxJQUFJLEVBQUU7QUFBQSxRQUMxRTtBQUFBLE1BQ0YsQ0FBQztBQUFBLElBQ0g7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRyx3RkFBd0YsTUFBTTtBQUMvRixxQ0FBTyxTQUFTLFNBQVMsbUJBQW1CLEVBQUUsVUFBVSxJQUFJLENBQUMsTUFBVyxFQUFFLE1BQU0sQ0FBQyxFQUFFLFFBQVEsQ0FBQyxRQUFRLE1BQU0sQ0FBQztBQUFBLEVBQzdHLENBQUM7QUFFRCwrQkFBRywyRUFBMkUsTUFBTTtBQUNsRixxQ0FBTyxRQUFRLElBQUksRUFBRSxnQ0FBNkIseUNBQWtCO0FBQUEsTUFDbEUsUUFBUTtBQUFBLE1BQ1IsZUFBZTtBQUFBLE1BQ2YsZUFBZTtBQUFBLE1BQ2YsMEJBQTBCLEVBQUUsb0JBQW9CLEVBQUUsdUJBQXVCLFlBQVksRUFBRTtBQUFBLElBQ3pGLENBQUM7QUFDRCxxQ0FBTyxPQUFPLFFBQUssbUNBQVksU0FBUyx1QkFBdUIsQ0FBQyxDQUFDLEVBQUUsUUFBUSxDQUFDLCtCQUErQixDQUFDO0FBQUEsRUFDOUcsQ0FBQztBQUVELCtCQUFHLHFFQUFxRSxNQUFNO0FBQzVFLFVBQU0sYUFBYSxPQUFPLFFBQVE7QUFDbEMscUNBQU8sUUFBUSxJQUFJLEVBQUUsZ0NBQTZCLHVEQUFnQztBQUFBLE1BQ2hGLFFBQVE7QUFBQSxNQUNSLE1BQU07QUFBQSxRQUNKLDZCQUFPLGlCQUFpQjtBQUFBLFVBQ3RCLFFBQVE7QUFBQSxVQUNSLFFBQVEsQ0FBQyxFQUFFLFFBQVEsR0FBRyxDQUFDO0FBQUEsVUFDdkIsWUFBWSxDQUFDLEVBQUUsTUFBTSxXQUFXLGVBQWUsQ0FBQztBQUFBLFVBQ2hELCtCQUErQixDQUFDLEVBQUUsaUJBQWlCLFdBQVcseUJBQXlCLENBQUM7QUFBQSxVQUN4RixtQ0FBbUMsQ0FBQyxFQUFFLHVCQUF1QixXQUFXLG1DQUFtQyxDQUFDO0FBQUEsUUFDOUcsQ0FBQztBQUFBLE1BQ0g7QUFBQSxJQUNGLENBQUM7QUFBQSxFQUNILENBQUM7QUFFRCwrQkFBRywwREFBMEQsTUFBTTtBQUNqRSxVQUFNLEVBQUUsS0FBSyxJQUFJLE9BQU87QUFDeEIscUNBQU8sUUFBUSxJQUFJLEVBQUUsZ0NBQTZCLHVEQUFnQztBQUFBLE1BQ2hGLFFBQVE7QUFBQSxNQUNSLE1BQU07QUFBQSxRQUNKLDZCQUFPLGlCQUFpQjtBQUFBLFVBQ3RCLFlBQVksQ0FBQyxFQUFFLE1BQU0sS0FBSyx1QkFBdUIsZUFBZSxVQUFVLENBQUM7QUFBQSxVQUMzRSxZQUFZLENBQUMsRUFBRSxNQUFNLEtBQUssZUFBZSxDQUFDO0FBQUEsVUFDMUMsK0JBQStCLENBQUMsRUFBRSxpQkFBaUIsS0FBSyx5QkFBeUIsQ0FBQztBQUFBLFFBQ3BGLENBQUM7QUFBQSxNQUNIO0FBQUEsSUFDRixDQUFDO0FBQUEsRUFDSCxDQUFDO0FBRUQsK0JBQUcsNEVBQTRFLE1BQU07QUFDbkYsVUFBTSxJQUFJLE1BQU0sT0FBTztBQUN2QixlQUFXLFNBQVMsQ0FBQyxFQUFFLHNCQUFzQixFQUFFLHFCQUFxQixFQUFFLGdCQUFnQixFQUFFLGFBQWEsR0FBRztBQUN0Ryx1Q0FBTyxLQUFLLEVBQUUsUUFBUSxlQUFlO0FBQUEsSUFDdkM7QUFBQSxFQUNGLENBQUM7QUFDSCxDQUFDO0dBRUQsZ0NBQVMsa0RBQWtELE1BQU07QUFFL0QsUUFBTSxhQUFVO0FBQUEsT0FDZCxvQ0FBYSxPQUFPLENBQUMsUUFBUTtBQUMzQixVQUFJLFNBQVM7QUFDYixVQUFJLGFBQWEsU0FBUztBQUMxQixVQUFJLFFBQVEsb0JBQW9CLENBQUMsbUJBQW1CLGlCQUFpQjtBQUFBLElBQ3ZFLENBQUM7QUFBQSxFQUNILEVBQUUsTUFBTSxTQUFTO0FBRWpCLCtCQUFHLDBEQUEwRCxNQUFNO0FBQ2pFLFVBQU0sYUFBYSxTQUFTLFNBQVMsYUFBYSxFQUMvQyxVQUFVLE9BQU8sQ0FBQyxNQUFXLE9BQU8sRUFBRSxRQUFRLEVBQUUsU0FBUyxlQUFlLENBQUMsRUFDekUsSUFBSSxDQUFDLE1BQVcsRUFBRSxTQUFTO0FBQzlCLHFDQUFPLFVBQVUsRUFBRSxRQUFRLENBQUMsRUFBRSxTQUFTLGlEQUFpRCxDQUFDLENBQUM7QUFBQSxFQUM1RixDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsic3RvcmFnZS1zdGFjay50ZXN0LnRzIl0sInNvdXJjZXNDb250ZW50IjpbImltcG9ydCB7IFMzQnVja2V0TGlmZWN5Y2xlQ29uZmlndXJhdGlvbiB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zMy1idWNrZXQtbGlmZWN5Y2xlLWNvbmZpZ3VyYXRpb25cIjtcbmltcG9ydCB7IFMzQnVja2V0TG9nZ2luZ0EgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvczMtYnVja2V0LWxvZ2dpbmdcIjtcbmltcG9ydCB7IFMzQnVja2V0T3duZXJzaGlwQ29udHJvbHMgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvczMtYnVja2V0LW93bmVyc2hpcC1jb250cm9sc1wiO1xuaW1wb3J0IHsgUzNCdWNrZXRQdWJsaWNBY2Nlc3NCbG9jayB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zMy1idWNrZXQtcHVibGljLWFjY2Vzcy1ibG9ja1wiO1xuaW1wb3J0IHsgUzNCdWNrZXRTZXJ2ZXJTaWRlRW5jcnlwdGlvbkNvbmZpZ3VyYXRpb25BIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL3MzLWJ1Y2tldC1zZXJ2ZXItc2lkZS1lbmNyeXB0aW9uLWNvbmZpZ3VyYXRpb25cIjtcbmltcG9ydCB7IFMzQnVja2V0VmVyc2lvbmluZ0EgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvczMtYnVja2V0LXZlcnNpb25pbmdcIjtcbmltcG9ydCB7IGRlc2NyaWJlLCBleHBlY3QsIGl0IH0gZnJvbSBcInZpdGVzdFwiO1xuaW1wb3J0IHsgRUxCX0xPR19BQ0NPVU5UX0JZX1JFR0lPTiB9IGZyb20gXCIuLi8uLi9jb25zdHJ1Y3RzL2xvZy1kZWxpdmVyeS1wb2xpY3lcIjtcbmltcG9ydCB7IGVkaXRlZENvbmZpZywgcmVzb3VyY2VzT2YsIHN5bnRoQ29uZmlnLCBzeW50aEVudmlyb25tZW50IH0gZnJvbSBcIi4uL3N1cHBvcnQvc3ludGhcIjtcblxuY29uc3QgUkVNT1RFX0tFWV9SRUYgPSAvXlxcJFxce2RhdGFcXC50ZXJyYWZvcm1fcmVtb3RlX3N0YXRlXFwuY3Jvc3Nfc3RhY2tfcmVmZXJlbmNlX2lucHV0X1xcdytfc2VjcmV0c19rbXNcXC5vdXRwdXRzXFwuKFxcdyspXFx9JC87XG5cbmZ1bmN0aW9uIHBvbGljeU9mKHN0YWNrOiBSZXR1cm5UeXBlPFJldHVyblR5cGU8dHlwZW9mIHN5bnRoRW52aXJvbm1lbnQ+W1wic3RhY2tcIl0+LCBidWNrZXQ6IHN0cmluZykge1xuICByZXR1cm4gSlNPTi5wYXJzZShyZXNvdXJjZXNPZihzdGFjaywgXCJhd3NfczNfYnVja2V0X3BvbGljeVwiKVtgJHtidWNrZXR9X3BvbGljeWBdLnBvbGljeSk7XG59XG5cbmRlc2NyaWJlLmVhY2goW1wiZGV2XCIsIFwic3RhZ2luZ1wiLCBcInByb2RcIl0pKFwiJXMgc3RvcmFnZSBzdGFja1wiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuICBjb25zdCBzdG9yYWdlID0gc3ludGguc3RhY2soXCJzdG9yYWdlXCIpO1xuICBjb25zdCB7IGNvbmZpZyB9ID0gc3ludGg7XG4gIGNvbnN0IGJ1Y2tldHMgPSByZXNvdXJjZXNPZihzdG9yYWdlLCBcImF3c19zM19idWNrZXRcIik7XG5cbiAgaXQoXCJuYW1lcyBidWNrZXRzIDxwcm9qZWN0Pi08ZW52Pi08cHVycG9zZT4tPGFjY291bnQ+IGFuZCBuZXZlciBmb3JjZS1kZXN0cm95cyB0aGVtXCIsICgpID0+IHtcbiAgICBleHBlY3QoYnVja2V0cy5yZWNvcmRpbmdzX2J1Y2tldC5idWNrZXQpLnRvQmUoYCR7Y29uZmlnLnByb2plY3R9LSR7ZW52fS1yZWNvcmRpbmdzLSR7Y29uZmlnLmFjY291bnRJZH1gKTtcbiAgICBleHBlY3QoYnVja2V0cy5sb2dzX2J1Y2tldC5idWNrZXQpLnRvQmUoYCR7Y29uZmlnLnByb2plY3R9LSR7ZW52fS1sb2dzLSR7Y29uZmlnLmFjY291bnRJZH1gKTtcbiAgICBmb3IgKGNvbnN0IGJ1Y2tldCBvZiBPYmplY3QudmFsdWVzKGJ1Y2tldHMpKSB7XG4gICAgICBleHBlY3QoYnVja2V0LmZvcmNlX2Rlc3Ryb3kpLnRvQmUoZmFsc2UpO1xuICAgICAgZXhwZWN0KGJ1Y2tldC5idWNrZXQubGVuZ3RoKS50b0JlTGVzc1RoYW5PckVxdWFsKDYzKTtcbiAgICB9XG4gIH0pO1xuXG4gIGl0KFwidmVyc2lvbnMsIGJsb2NrcyBwdWJsaWMgYWNjZXNzIGFuZCBkaXNhYmxlcyBBQ0xzIG9uIGV2ZXJ5IGJ1Y2tldFwiLCAoKSA9PiB7XG4gICAgY29uc3QgY291bnQgPSBPYmplY3Qua2V5cyhidWNrZXRzKS5sZW5ndGg7XG4gICAgZXhwZWN0KE9iamVjdC5rZXlzKHJlc291cmNlc09mKHN0b3JhZ2UsIFwiYXdzX3MzX2J1Y2tldF92ZXJzaW9uaW5nXCIpKSkudG9IYXZlTGVuZ3RoKGNvdW50KTtcbiAgICBleHBlY3QoT2JqZWN0LmtleXMocmVzb3VyY2VzT2Yoc3RvcmFnZSwgXCJhd3NfczNfYnVja2V0X3B1YmxpY19hY2Nlc3NfYmxvY2tcIikpKS50b0hhdmVMZW5ndGgoY291bnQpO1xuICAgIGV4cGVjdChPYmplY3Qua2V5cyhyZXNvdXJjZXNPZihzdG9yYWdlLCBcImF3c19zM19idWNrZXRfb3duZXJzaGlwX2NvbnRyb2xzXCIpKSkudG9IYXZlTGVuZ3RoKGNvdW50KTtcbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0VmVyc2lvbmluZ0EsIHsgdmVyc2lvbmluZ19jb25maWd1cmF0aW9uOiB7IHN0YXR1czogXCJFbmFibGVkXCIgfSB9KTtcbiAgICBmb3IgKGNvbnN0IGJsb2NrIG9mIE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2Yoc3RvcmFnZSwgXCJhd3NfczNfYnVja2V0X3B1YmxpY19hY2Nlc3NfYmxvY2tcIikpKSB7XG4gICAgICBleHBlY3QoYmxvY2spLnRvRXF1YWwoXG4gICAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgYmxvY2tfcHVibGljX2FjbHM6IHRydWUsIGJsb2NrX3B1YmxpY19wb2xpY3k6IHRydWUsIGlnbm9yZV9wdWJsaWNfYWNsczogdHJ1ZSwgcmVzdHJpY3RfcHVibGljX2J1Y2tldHM6IHRydWUgfSksXG4gICAgICApO1xuICAgIH1cbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0UHVibGljQWNjZXNzQmxvY2ssIHsgYnVja2V0OiBcIiR7YXdzX3MzX2J1Y2tldC5yZWNvcmRpbmdzX2J1Y2tldC5pZH1cIiB9KTtcbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0T3duZXJzaGlwQ29udHJvbHMsIHsgcnVsZTogeyBvYmplY3Rfb3duZXJzaGlwOiBcIkJ1Y2tldE93bmVyRW5mb3JjZWRcIiB9IH0pO1xuICAgIGZvciAoY29uc3QgY29udHJvbHMgb2YgT2JqZWN0LnZhbHVlcyhyZXNvdXJjZXNPZihzdG9yYWdlLCBcImF3c19zM19idWNrZXRfb3duZXJzaGlwX2NvbnRyb2xzXCIpKSkge1xuICAgICAgZXhwZWN0KGNvbnRyb2xzLnJ1bGUub2JqZWN0X293bmVyc2hpcCkudG9CZShcIkJ1Y2tldE93bmVyRW5mb3JjZWRcIik7XG4gICAgfVxuICB9KTtcblxuICBpdChcImVuY3J5cHRzIHJlY29yZGluZ3Mgd2l0aCB0aGUgc3RvcmFnZSBDTUsgZnJvbSBzZWNyZXRzLWttcyBhbmQgYSBidWNrZXQga2V5XCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0U2VydmVyU2lkZUVuY3J5cHRpb25Db25maWd1cmF0aW9uQSwge1xuICAgICAgYnVja2V0OiBcIiR7YXdzX3MzX2J1Y2tldC5yZWNvcmRpbmdzX2J1Y2tldC5pZH1cIixcbiAgICAgIHJ1bGU6IFtcbiAgICAgICAge1xuICAgICAgICAgIGFwcGx5X3NlcnZlcl9zaWRlX2VuY3J5cHRpb25fYnlfZGVmYXVsdDogeyBzc2VfYWxnb3JpdGhtOiBcImF3czprbXNcIiwga21zX21hc3Rlcl9rZXlfaWQ6IGV4cGVjdC5zdHJpbmdNYXRjaGluZyhSRU1PVEVfS0VZX1JFRikgfSxcbiAgICAgICAgICBidWNrZXRfa2V5X2VuYWJsZWQ6IHRydWUsXG4gICAgICAgIH0sXG4gICAgICBdLFxuICAgIH0pO1xuICAgIGNvbnN0IHNzZSA9IHJlc291cmNlc09mKHN0b3JhZ2UsIFwiYXdzX3MzX2J1Y2tldF9zZXJ2ZXJfc2lkZV9lbmNyeXB0aW9uX2NvbmZpZ3VyYXRpb25cIikucmVjb3JkaW5nc19idWNrZXRfZW5jcnlwdGlvbjtcbiAgICBjb25zdCBvdXRwdXQgPSBSRU1PVEVfS0VZX1JFRi5leGVjKHNzZS5ydWxlWzBdLmFwcGx5X3NlcnZlcl9zaWRlX2VuY3J5cHRpb25fYnlfZGVmYXVsdC5rbXNfbWFzdGVyX2tleV9pZCkhWzFdO1xuICAgIGV4cGVjdChzeW50aC5zdGFjayhcInNlY3JldHMta21zXCIpLmpzb24ub3V0cHV0Py5bb3V0cHV0XT8udmFsdWUpLnRvQmUoXCIke2F3c19rbXNfa2V5LnN0b3JhZ2Vfa2V5LmFybn1cIik7XG4gIH0pO1xuXG4gIGl0KFwiZW5jcnlwdHMgdGhlIGxvZ3MgYnVja2V0IHdpdGggU1NFLVMzLCB0aGUgb25seSBlbmNyeXB0aW9uIEFMQiBhbmQgUzMgYWNjZXNzIGxvZ2dpbmcgY2FuIHdyaXRlIHRvXCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0U2VydmVyU2lkZUVuY3J5cHRpb25Db25maWd1cmF0aW9uQSwge1xuICAgICAgYnVja2V0OiBcIiR7YXdzX3MzX2J1Y2tldC5sb2dzX2J1Y2tldC5pZH1cIixcbiAgICAgIHJ1bGU6IFt7IGFwcGx5X3NlcnZlcl9zaWRlX2VuY3J5cHRpb25fYnlfZGVmYXVsdDogeyBzc2VfYWxnb3JpdGhtOiBcIkFFUzI1NlwiIH0gfV0sXG4gICAgfSk7XG4gIH0pO1xuXG4gIGl0LmVhY2goW1wicmVjb3JkaW5nc19idWNrZXRcIiwgXCJsb2dzX2J1Y2tldFwiXSkoXCIlcyBkZW5pZXMgZXZlcnkgcmVxdWVzdCB3aXRob3V0IFRMUyAxLjIrXCIsIChidWNrZXQpID0+IHtcbiAgICBjb25zdCBzdGF0ZW1lbnRzID0gcG9saWN5T2Yoc3RvcmFnZSwgYnVja2V0KS5TdGF0ZW1lbnQ7XG4gICAgY29uc3QgYXJuID0gYFxcJHthd3NfczNfYnVja2V0LiR7YnVja2V0fS5hcm59YDtcbiAgICBleHBlY3Qoc3RhdGVtZW50cykudG9Db250YWluRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIEVmZmVjdDogXCJEZW55XCIsXG4gICAgICAgIFByaW5jaXBhbDogXCIqXCIsXG4gICAgICAgIEFjdGlvbjogXCJzMzoqXCIsXG4gICAgICAgIFJlc291cmNlOiBbYXJuLCBgJHthcm59LypgXSxcbiAgICAgICAgQ29uZGl0aW9uOiB7IEJvb2w6IHsgXCJhd3M6U2VjdXJlVHJhbnNwb3J0XCI6IFwiZmFsc2VcIiB9IH0sXG4gICAgICB9KSxcbiAgICApO1xuICAgIGV4cGVjdChzdGF0ZW1lbnRzKS50b0NvbnRhaW5FcXVhbChcbiAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgRWZmZWN0OiBcIkRlbnlcIiwgQ29uZGl0aW9uOiB7IE51bWVyaWNMZXNzVGhhbjogeyBcInMzOlRsc1ZlcnNpb25cIjogXCIxLjJcIiB9IH0gfSksXG4gICAgKTtcbiAgICBleHBlY3Qoc3RhdGVtZW50cy5maWx0ZXIoKHM6IGFueSkgPT4gcy5FZmZlY3QgPT09IFwiQWxsb3dcIiAmJiAocy5QcmluY2lwYWwgPT09IFwiKlwiIHx8IHMuUHJpbmNpcGFsPy5BV1MgPT09IFwiKlwiKSkpLnRvRXF1YWwoW10pO1xuICB9KTtcblxuICBpdChcImxldHMgdGhlIHJlZ2lvbidzIEVMQiBhY2NvdW50IGFuZCB0aGUgbG9nLWRlbGl2ZXJ5IHNlcnZpY2Ugd3JpdGUgQUxCIGxvZ3MsIG9ubHkgdW5kZXIgdGhlIEFMQiBwcmVmaXhcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHN0YXRlbWVudHMgPSBwb2xpY3lPZihzdG9yYWdlLCBcImxvZ3NfYnVja2V0XCIpLlN0YXRlbWVudDtcbiAgICBjb25zdCBhbGJSZXNvdXJjZSA9IGBcXCR7YXdzX3MzX2J1Y2tldC5sb2dzX2J1Y2tldC5hcm59LyR7c3ludGguc3RhY2tzLnN0b3JhZ2UuYWxiTG9nUHJlZml4fS9BV1NMb2dzLyR7Y29uZmlnLmFjY291bnRJZH0vKmA7XG4gICAgZXhwZWN0KHN0YXRlbWVudHMpLnRvQ29udGFpbkVxdWFsKFxuICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICBFZmZlY3Q6IFwiQWxsb3dcIixcbiAgICAgICAgUHJpbmNpcGFsOiB7IEFXUzogYGFybjphd3M6aWFtOjoke0VMQl9MT0dfQUNDT1VOVF9CWV9SRUdJT05bY29uZmlnLnJlZ2lvbl19OnJvb3RgIH0sXG4gICAgICAgIEFjdGlvbjogXCJzMzpQdXRPYmplY3RcIixcbiAgICAgICAgUmVzb3VyY2U6IGFsYlJlc291cmNlLFxuICAgICAgfSksXG4gICAgKTtcbiAgICBleHBlY3Qoc3RhdGVtZW50cykudG9Db250YWluRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIFByaW5jaXBhbDogeyBTZXJ2aWNlOiBcImxvZ2RlbGl2ZXJ5LmVsYXN0aWNsb2FkYmFsYW5jaW5nLmFtYXpvbmF3cy5jb21cIiB9LFxuICAgICAgICBBY3Rpb246IFwiczM6UHV0T2JqZWN0XCIsXG4gICAgICAgIFJlc291cmNlOiBhbGJSZXNvdXJjZSxcbiAgICAgIH0pLFxuICAgICk7XG4gIH0pO1xuXG4gIGl0KFwibGV0cyBTMyBzZXJ2ZXIgYWNjZXNzIGxvZ2dpbmcgd3JpdGUgb25seSBmcm9tIHRoaXMgYWNjb3VudCdzIGJ1Y2tldHNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHN0YXRlbWVudCA9IHBvbGljeU9mKHN0b3JhZ2UsIFwibG9nc19idWNrZXRcIikuU3RhdGVtZW50LmZpbmQoKHM6IGFueSkgPT4gcy5QcmluY2lwYWw/LlNlcnZpY2UgPT09IFwibG9nZ2luZy5zMy5hbWF6b25hd3MuY29tXCIpO1xuICAgIGV4cGVjdChzdGF0ZW1lbnQpLnRvRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIEVmZmVjdDogXCJBbGxvd1wiLFxuICAgICAgICBBY3Rpb246IFwiczM6UHV0T2JqZWN0XCIsXG4gICAgICAgIFJlc291cmNlOiBcIiR7YXdzX3MzX2J1Y2tldC5sb2dzX2J1Y2tldC5hcm59L3MzLWFjY2Vzcy8qXCIsXG4gICAgICAgIENvbmRpdGlvbjoge1xuICAgICAgICAgIFN0cmluZ0VxdWFsczogeyBcImF3czpTb3VyY2VBY2NvdW50XCI6IGNvbmZpZy5hY2NvdW50SWQgfSxcbiAgICAgICAgICBBcm5MaWtlOiB7IFwiYXdzOlNvdXJjZUFyblwiOiBbYGFybjphd3M6czM6Ojoke2NvbmZpZy5wcm9qZWN0fS0ke2Vudn0tKmBdIH0sXG4gICAgICAgIH0sXG4gICAgICB9KSxcbiAgICApO1xuICB9KTtcblxuICBpdChcImtlZXBzIHRoZSByZWNvcmRpbmdzIGJ1Y2tldCdzIHBvbGljeSB0byB0aGUgVExTIGRlbmllczogbm8gc2VydmljZSBtYXkgd3JpdGUgaW50byBpdFwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHBvbGljeU9mKHN0b3JhZ2UsIFwicmVjb3JkaW5nc19idWNrZXRcIikuU3RhdGVtZW50Lm1hcCgoczogYW55KSA9PiBzLkVmZmVjdCkpLnRvRXF1YWwoW1wiRGVueVwiLCBcIkRlbnlcIl0pO1xuICB9KTtcblxuICBpdChcImxvZ3MgcmVjb3JkaW5ncy1idWNrZXQgYWNjZXNzIGludG8gdGhlIGxvZ3MgYnVja2V0LCBwYXJ0aXRpb25lZCBieSBkYXRlXCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0TG9nZ2luZ0EsIHtcbiAgICAgIGJ1Y2tldDogXCIke2F3c19zM19idWNrZXQucmVjb3JkaW5nc19idWNrZXQuaWR9XCIsXG4gICAgICB0YXJnZXRfYnVja2V0OiBcIiR7YXdzX3MzX2J1Y2tldC5sb2dzX2J1Y2tldC5idWNrZXR9XCIsXG4gICAgICB0YXJnZXRfcHJlZml4OiBcInMzLWFjY2Vzcy9yZWNvcmRpbmdzL1wiLFxuICAgICAgdGFyZ2V0X29iamVjdF9rZXlfZm9ybWF0OiB7IHBhcnRpdGlvbmVkX3ByZWZpeDogeyBwYXJ0aXRpb25fZGF0ZV9zb3VyY2U6IFwiRXZlbnRUaW1lXCIgfSB9LFxuICAgIH0pO1xuICAgIGV4cGVjdChPYmplY3Qua2V5cyhyZXNvdXJjZXNPZihzdG9yYWdlLCBcImF3c19zM19idWNrZXRfbG9nZ2luZ1wiKSkpLnRvRXF1YWwoW1wicmVjb3JkaW5nc19idWNrZXRfYWNjZXNzX2xvZ3NcIl0pO1xuICB9KTtcblxuICBpdChcImV4cGlyZXMgcmVjb3JkaW5ncyBhcyBjb25maWd1cmVkIChjdXJyZW50LCBub25jdXJyZW50LCBtdWx0aXBhcnQpXCIsICgpID0+IHtcbiAgICBjb25zdCByZWNvcmRpbmdzID0gY29uZmlnLnN0b3JhZ2UucmVjb3JkaW5ncyE7XG4gICAgZXhwZWN0KHN0b3JhZ2UudGV4dCkudG9IYXZlUmVzb3VyY2VXaXRoUHJvcGVydGllcyhTM0J1Y2tldExpZmVjeWNsZUNvbmZpZ3VyYXRpb24sIHtcbiAgICAgIGJ1Y2tldDogXCIke2F3c19zM19idWNrZXQucmVjb3JkaW5nc19idWNrZXQuaWR9XCIsXG4gICAgICBydWxlOiBbXG4gICAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHtcbiAgICAgICAgICBzdGF0dXM6IFwiRW5hYmxlZFwiLFxuICAgICAgICAgIGZpbHRlcjogW3sgcHJlZml4OiBcIlwiIH1dLFxuICAgICAgICAgIGV4cGlyYXRpb246IFt7IGRheXM6IHJlY29yZGluZ3MuZXhwaXJhdGlvbkRheXMgfV0sXG4gICAgICAgICAgbm9uY3VycmVudF92ZXJzaW9uX2V4cGlyYXRpb246IFt7IG5vbmN1cnJlbnRfZGF5czogcmVjb3JkaW5ncy5ub25jdXJyZW50RXhwaXJhdGlvbkRheXMgfV0sXG4gICAgICAgICAgYWJvcnRfaW5jb21wbGV0ZV9tdWx0aXBhcnRfdXBsb2FkOiBbeyBkYXlzX2FmdGVyX2luaXRpYXRpb246IHJlY29yZGluZ3MuYWJvcnRJbmNvbXBsZXRlTXVsdGlwYXJ0VXBsb2FkRGF5cyB9XSxcbiAgICAgICAgfSksXG4gICAgICBdLFxuICAgIH0pO1xuICB9KTtcblxuICBpdChcIm1vdmVzIGxvZ3MgdG8gR2xhY2llciwgdGhlbiBleHBpcmVzIHRoZW0gYXMgY29uZmlndXJlZFwiLCAoKSA9PiB7XG4gICAgY29uc3QgeyBsb2dzIH0gPSBjb25maWcuc3RvcmFnZTtcbiAgICBleHBlY3Qoc3RvcmFnZS50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKFMzQnVja2V0TGlmZWN5Y2xlQ29uZmlndXJhdGlvbiwge1xuICAgICAgYnVja2V0OiBcIiR7YXdzX3MzX2J1Y2tldC5sb2dzX2J1Y2tldC5pZH1cIixcbiAgICAgIHJ1bGU6IFtcbiAgICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICAgIHRyYW5zaXRpb246IFt7IGRheXM6IGxvZ3MuZ2xhY2llclRyYW5zaXRpb25EYXlzLCBzdG9yYWdlX2NsYXNzOiBcIkdMQUNJRVJcIiB9XSxcbiAgICAgICAgICBleHBpcmF0aW9uOiBbeyBkYXlzOiBsb2dzLmV4cGlyYXRpb25EYXlzIH1dLFxuICAgICAgICAgIG5vbmN1cnJlbnRfdmVyc2lvbl9leHBpcmF0aW9uOiBbeyBub25jdXJyZW50X2RheXM6IGxvZ3Mubm9uY3VycmVudEV4cGlyYXRpb25EYXlzIH1dLFxuICAgICAgICB9KSxcbiAgICAgIF0sXG4gICAgfSk7XG4gIH0pO1xuXG4gIGl0KFwiZXhwb3NlcyB0aGUgY29udHJhY3QncyBidWNrZXQgbmFtZXMgYW5kIEFSTnMgYXMgcmVmZXJlbmNlcywgbm90IGxpdGVyYWxzXCIsICgpID0+IHtcbiAgICBjb25zdCBzID0gc3ludGguc3RhY2tzLnN0b3JhZ2U7XG4gICAgZm9yIChjb25zdCB2YWx1ZSBvZiBbcy5yZWNvcmRpbmdzQnVja2V0TmFtZSwgcy5yZWNvcmRpbmdzQnVja2V0QXJuLCBzLmxvZ3NCdWNrZXROYW1lLCBzLmxvZ3NCdWNrZXRBcm5dKSB7XG4gICAgICBleHBlY3QodmFsdWUpLnRvTWF0Y2goL1xcJFxce1RmVG9rZW5cXFsvKTtcbiAgICB9XG4gIH0pO1xufSk7XG5cbmRlc2NyaWJlKFwiQUxCIGxvZyBkZWxpdmVyeSBvdXRzaWRlIHRoZSBFTEItYWNjb3VudCB0YWJsZVwiLCAoKSA9PiB7XG4gIC8vIFN5bnRoZXNpemVkIHdoaWxlIGNvbGxlY3RpbmcsIGxpa2UgdGhlIGNhY2hlZCBlbnZpcm9ubWVudHMsIHNvIGEgbG9hZGVkIG1hY2hpbmUgY2Fubm90IHRpbWUgdGhlIHRlc3Qgb3V0LlxuICBjb25zdCBzdG9yYWdlID0gc3ludGhDb25maWcoXG4gICAgZWRpdGVkQ29uZmlnKFwiZGV2XCIsIChyYXcpID0+IHtcbiAgICAgIHJhdy5yZWdpb24gPSBcImFwLXNvdXRoZWFzdC00XCI7XG4gICAgICByYXcuc3RhdGVCYWNrZW5kLnJlZ2lvbiA9IFwiYXAtc291dGhlYXN0LTRcIjtcbiAgICAgIHJhdy5uZXR3b3JrLmF2YWlsYWJpbGl0eVpvbmVzID0gW1wiYXAtc291dGhlYXN0LTRhXCIsIFwiYXAtc291dGhlYXN0LTRiXCJdO1xuICAgIH0pLFxuICApLnN0YWNrKFwic3RvcmFnZVwiKTtcblxuICBpdChcImZhbGxzIGJhY2sgdG8gdGhlIGxvZy1kZWxpdmVyeSBzZXJ2aWNlIHByaW5jaXBhbCBhbG9uZVwiLCAoKSA9PiB7XG4gICAgY29uc3QgYWxiV3JpdGVycyA9IHBvbGljeU9mKHN0b3JhZ2UsIFwibG9nc19idWNrZXRcIilcbiAgICAgIC5TdGF0ZW1lbnQuZmlsdGVyKChzOiBhbnkpID0+IFN0cmluZyhzLlJlc291cmNlKS5pbmNsdWRlcyhcIi9hbGIvQVdTTG9ncy9cIikpXG4gICAgICAubWFwKChzOiBhbnkpID0+IHMuUHJpbmNpcGFsKTtcbiAgICBleHBlY3QoYWxiV3JpdGVycykudG9FcXVhbChbeyBTZXJ2aWNlOiBcImxvZ2RlbGl2ZXJ5LmVsYXN0aWNsb2FkYmFsYW5jaW5nLmFtYXpvbmF3cy5jb21cIiB9XSk7XG4gIH0pO1xufSk7XG4iXSwiZmlsZSI6Ii93b3JrL21haW4vX190ZXN0c19fL3VuaXQvc3RvcmFnZS1zdGFjay50ZXN0LnRzIn0=
