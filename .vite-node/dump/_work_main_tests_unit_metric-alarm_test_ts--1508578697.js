// /work/main/__tests__/unit/metric-alarm.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("cdktf", {"importedNames":["Testing"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/metric-alarm.cjs", {"importedNames":["AlarmSet","MetricAlarm"]});



const base = {
  alarmName: "p-api-cpu-high",
  description: "CPU high",
  namespace: "AWS/ECS",
  metricName: "CPUUtilization",
  dimensions: { ClusterName: "c", ServiceName: "api" },
  statistic: "Average",
  comparison: "GreaterThanThreshold",
  threshold: 80,
  periodSeconds: 300,
  treatMissingData: "missing",
  actionArns: ["arn:aws:sns:us-east-1:111111111111:alarms"]
};
const inScope = (build) => JSON.parse(__vite_ssr_import_0__.Testing.synthScope(build));
(0,__vite_ssr_import_1__.describe)("MetricAlarm", () => {
  (0,__vite_ssr_import_1__.it)("notifies its topics on ALARM and on OK and requires every breaching period by default", () => {
    const json = inScope((scope) => new __vite_ssr_import_2__.MetricAlarm(scope, "cpu", { ...base, evaluationPeriods: 3 }));
    const [alarm] = Object.values(json.resource.aws_cloudwatch_metric_alarm);
    (0,__vite_ssr_import_1__.expect)(alarm).toEqual(
      __vite_ssr_import_1__.expect.objectContaining({
        alarm_actions: base.actionArns,
        ok_actions: base.actionArns,
        evaluation_periods: 3,
        datapoints_to_alarm: 3,
        treat_missing_data: "missing"
      })
    );
  });
  __vite_ssr_import_1__.it.each([
    ["no action", { actionArns: [] }, /actionArns must list at least one topic/],
    ["a period CloudWatch does not offer", { periodSeconds: 45 }, /periodSeconds 45 must be 10, 30 or a multiple of 60/],
    ["more datapoints than periods", { evaluationPeriods: 2, datapointsToAlarm: 3 }, /datapointsToAlarm must be between 1 and evaluationPeriods \(2\)/],
    ["zero evaluation periods", { evaluationPeriods: 0 }, /evaluationPeriods must be a whole number of at least 1/],
    ["an empty name", { alarmName: "" }, /alarmName must be 1-255 characters/]
  ])("rejects %s", (_name, override, message) => {
    (0,__vite_ssr_import_1__.expect)(() => inScope((scope) => new __vite_ssr_import_2__.MetricAlarm(scope, "bad", { ...base, ...override }))).toThrow(message);
  });
});
(0,__vite_ssr_import_1__.describe)("AlarmSet", () => {
  const spec = (name, widget, threshold) => {
    const { alarmName: _alarmName, actionArns: _actionArns, ...rest } = base;
    return { ...rest, name, widget, label: name, threshold, dimensions: { ServiceName: name } };
  };
  (0,__vite_ssr_import_1__.it)("prefixes names, shares the actions and draws alarms with the same widget title in one graph", () => {
    let body = "";
    const json = inScope((scope) => {
      const set = new __vite_ssr_import_2__.AlarmSet(scope, "alarms", { namePrefix: "voice-ai-dev", actionArns: ["arn:topic"], region: "us-east-1" });
      set.add("api_cpu", spec("api-cpu", "CPU", 80));
      set.add("ws_cpu", spec("ws-cpu", "CPU", 80));
      set.add("db_cpu", spec("db-cpu", "DB CPU", 70));
      body = set.dashboardBody();
    });
    const alarms = Object.values(json.resource.aws_cloudwatch_metric_alarm);
    (0,__vite_ssr_import_1__.expect)(alarms.map((a) => a.alarm_name).sort()).toEqual(["voice-ai-dev-api-cpu", "voice-ai-dev-db-cpu", "voice-ai-dev-ws-cpu"]);
    (0,__vite_ssr_import_1__.expect)(alarms.every((a) => a.alarm_actions[0] === "arn:topic")).toBe(true);
    const widgets = JSON.parse(body).widgets;
    (0,__vite_ssr_import_1__.expect)(widgets.map((w) => [w.properties.title, w.properties.metrics.length, w.x, w.y])).toEqual([
      ["CPU", 2, 0, 0],
      ["DB CPU", 1, 12, 0]
    ]);
    (0,__vite_ssr_import_1__.expect)(widgets[0].properties.annotations.horizontal).toEqual([{ label: "alarm threshold", value: 80 }]);
  });
  (0,__vite_ssr_import_1__.it)("rejects a set without topics", () => {
    (0,__vite_ssr_import_1__.expect)(() => inScope((scope) => new __vite_ssr_import_2__.AlarmSet(scope, "alarms", { namePrefix: "p", actionArns: [], region: "us-east-1" }))).toThrow(
      /AlarmSet alarms: actionArns must list at least one topic/
    );
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFFQTtBQUNBOzs7O0FBRUEsTUFBTSxPQUF5QjtBQUFBLEVBQzdCLFdBQVc7QUFBQSxFQUNYLGFBQWE7QUFBQSxFQUNiLFdBQVc7QUFBQSxFQUNYLFlBQVk7QUFBQSxFQUNaLFlBQVksRUFBRSxhQUFhLEtBQUssYUFBYSxNQUFNO0FBQUEsRUFDbkQsV0FBVztBQUFBLEVBQ1gsWUFBWTtBQUFBLEVBQ1osV0FBVztBQUFBLEVBQ1gsZUFBZTtBQUFBLEVBQ2Ysa0JBQWtCO0FBQUEsRUFDbEIsWUFBWSxDQUFDLDJDQUEyQztBQUMxRDtBQUVBLE1BQU0sVUFBVSxDQUFDLFVBQXNDLEtBQUssTUFBTSw4QkFBUSxXQUFXLEtBQUssQ0FBQztHQUUzRixnQ0FBUyxlQUFlLE1BQU07QUFDNUIsK0JBQUcseUZBQXlGLE1BQU07QUFDaEcsVUFBTSxPQUFPLFFBQVEsQ0FBQyxVQUFVLElBQUksa0NBQVksT0FBTyxPQUFPLEVBQUUsR0FBRyxNQUFNLG1CQUFtQixFQUFFLENBQUMsQ0FBQztBQUNoRyxVQUFNLENBQUMsS0FBSyxJQUFJLE9BQU8sT0FBTyxLQUFLLFNBQVMsMkJBQTJCO0FBQ3ZFLHFDQUFPLEtBQUssRUFBRTtBQUFBLE1BQ1osNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsZUFBZSxLQUFLO0FBQUEsUUFDcEIsWUFBWSxLQUFLO0FBQUEsUUFDakIsb0JBQW9CO0FBQUEsUUFDcEIscUJBQXFCO0FBQUEsUUFDckIsb0JBQW9CO0FBQUEsTUFDdEIsQ0FBQztBQUFBLElBQ0g7QUFBQSxFQUNGLENBQUM7QUFFRCwyQkFBRyxLQUFLO0FBQUEsSUFDTixDQUFDLGFBQWEsRUFBRSxZQUFZLENBQUMsRUFBRSxHQUFHLHlDQUF5QztBQUFBLElBQzNFLENBQUMsc0NBQXNDLEVBQUUsZUFBZSxHQUFHLEdBQUcscURBQXFEO0FBQUEsSUFDbkgsQ0FBQyxnQ0FBZ0MsRUFBRSxtQkFBbUIsR0FBRyxtQkFBbUIsRUFBRSxHQUFHLGlFQUFpRTtBQUFBLElBQ2xKLENBQUMsMkJBQTJCLEVBQUUsbUJBQW1CLEVBQUUsR0FBRyx3REFBd0Q7QUFBQSxJQUM5RyxDQUFDLGlCQUFpQixFQUFFLFdBQVcsR0FBRyxHQUFHLG9DQUFvQztBQUFBLEVBQzNFLENBQVUsRUFBRSxjQUFjLENBQUMsT0FBTyxVQUFVLFlBQVk7QUFDdEQscUNBQU8sTUFBTSxRQUFRLENBQUMsVUFBVSxJQUFJLGtDQUFZLE9BQU8sT0FBTyxFQUFFLEdBQUcsTUFBTSxHQUFHLFNBQVMsQ0FBQyxDQUFDLENBQUMsRUFBRSxRQUFRLE9BQU87QUFBQSxFQUMzRyxDQUFDO0FBQ0gsQ0FBQztHQUVELGdDQUFTLFlBQVksTUFBTTtBQUN6QixRQUFNLE9BQU8sQ0FBQyxNQUFjLFFBQWdCLGNBQWlDO0FBQzNFLFVBQU0sRUFBRSxXQUFXLFlBQVksWUFBWSxhQUFhLEdBQUcsS0FBSyxJQUFJO0FBQ3BFLFdBQU8sRUFBRSxHQUFHLE1BQU0sTUFBTSxRQUFRLE9BQU8sTUFBTSxXQUFXLFlBQVksRUFBRSxhQUFhLEtBQUssRUFBRTtBQUFBLEVBQzVGO0FBRUEsK0JBQUcsK0ZBQStGLE1BQU07QUFDdEcsUUFBSSxPQUFPO0FBQ1gsVUFBTSxPQUFPLFFBQVEsQ0FBQyxVQUFVO0FBQzlCLFlBQU0sTUFBTSxJQUFJLCtCQUFTLE9BQU8sVUFBVSxFQUFFLFlBQVksZ0JBQWdCLFlBQVksQ0FBQyxXQUFXLEdBQUcsUUFBUSxZQUFZLENBQUM7QUFDeEgsVUFBSSxJQUFJLFdBQVcsS0FBSyxXQUFXLE9BQU8sRUFBRSxDQUFDO0FBQzdDLFVBQUksSUFBSSxVQUFVLEtBQUssVUFBVSxPQUFPLEVBQUUsQ0FBQztBQUMzQyxVQUFJLElBQUksVUFBVSxLQUFLLFVBQVUsVUFBVSxFQUFFLENBQUM7QUFDOUMsYUFBTyxJQUFJLGNBQWM7QUFBQSxJQUMzQixDQUFDO0FBQ0QsVUFBTSxTQUFTLE9BQU8sT0FBTyxLQUFLLFNBQVMsMkJBQTJCO0FBQ3RFLHFDQUFPLE9BQU8sSUFBSSxDQUFDLE1BQU0sRUFBRSxVQUFVLEVBQUUsS0FBSyxDQUFDLEVBQUUsUUFBUSxDQUFDLHdCQUF3Qix1QkFBdUIscUJBQXFCLENBQUM7QUFDN0gscUNBQU8sT0FBTyxNQUFNLENBQUMsTUFBTSxFQUFFLGNBQWMsQ0FBQyxNQUFNLFdBQVcsQ0FBQyxFQUFFLEtBQUssSUFBSTtBQUN6RSxVQUFNLFVBQVUsS0FBSyxNQUFNLElBQUksRUFBRTtBQUNqQyxxQ0FBTyxRQUFRLElBQUksQ0FBQyxNQUFXLENBQUMsRUFBRSxXQUFXLE9BQU8sRUFBRSxXQUFXLFFBQVEsUUFBUSxFQUFFLEdBQUcsRUFBRSxDQUFDLENBQUMsQ0FBQyxFQUFFLFFBQVE7QUFBQSxNQUNuRyxDQUFDLE9BQU8sR0FBRyxHQUFHLENBQUM7QUFBQSxNQUNmLENBQUMsVUFBVSxHQUFHLElBQUksQ0FBQztBQUFBLElBQ3JCLENBQUM7QUFDRCxxQ0FBTyxRQUFRLENBQUMsRUFBRSxXQUFXLFlBQVksVUFBVSxFQUFFLFFBQVEsQ0FBQyxFQUFFLE9BQU8sbUJBQW1CLE9BQU8sR0FBRyxDQUFDLENBQUM7QUFBQSxFQUN4RyxDQUFDO0FBRUQsK0JBQUcsZ0NBQWdDLE1BQU07QUFDdkMscUNBQU8sTUFBTSxRQUFRLENBQUMsVUFBVSxJQUFJLCtCQUFTLE9BQU8sVUFBVSxFQUFFLFlBQVksS0FBSyxZQUFZLENBQUMsR0FBRyxRQUFRLFlBQVksQ0FBQyxDQUFDLENBQUMsRUFBRTtBQUFBLE1BQ3hIO0FBQUEsSUFDRjtBQUFBLEVBQ0YsQ0FBQztBQUNILENBQUMiLCJuYW1lcyI6W10sImlnbm9yZUxpc3QiOltdLCJzb3VyY2VzIjpbIm1ldHJpYy1hbGFybS50ZXN0LnRzIl0sInNvdXJjZXNDb250ZW50IjpbImltcG9ydCB7IFRlc3RpbmcgfSBmcm9tIFwiY2RrdGZcIjtcbmltcG9ydCB7IENvbnN0cnVjdCB9IGZyb20gXCJjb25zdHJ1Y3RzXCI7XG5pbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IEFsYXJtU2V0LCBBbGFybVNwZWMsIE1ldHJpY0FsYXJtLCBNZXRyaWNBbGFybVByb3BzIH0gZnJvbSBcIi4uLy4uL2NvbnN0cnVjdHMvbWV0cmljLWFsYXJtXCI7XG5cbmNvbnN0IGJhc2U6IE1ldHJpY0FsYXJtUHJvcHMgPSB7XG4gIGFsYXJtTmFtZTogXCJwLWFwaS1jcHUtaGlnaFwiLFxuICBkZXNjcmlwdGlvbjogXCJDUFUgaGlnaFwiLFxuICBuYW1lc3BhY2U6IFwiQVdTL0VDU1wiLFxuICBtZXRyaWNOYW1lOiBcIkNQVVV0aWxpemF0aW9uXCIsXG4gIGRpbWVuc2lvbnM6IHsgQ2x1c3Rlck5hbWU6IFwiY1wiLCBTZXJ2aWNlTmFtZTogXCJhcGlcIiB9LFxuICBzdGF0aXN0aWM6IFwiQXZlcmFnZVwiLFxuICBjb21wYXJpc29uOiBcIkdyZWF0ZXJUaGFuVGhyZXNob2xkXCIsXG4gIHRocmVzaG9sZDogODAsXG4gIHBlcmlvZFNlY29uZHM6IDMwMCxcbiAgdHJlYXRNaXNzaW5nRGF0YTogXCJtaXNzaW5nXCIsXG4gIGFjdGlvbkFybnM6IFtcImFybjphd3M6c25zOnVzLWVhc3QtMToxMTExMTExMTExMTE6YWxhcm1zXCJdLFxufTtcblxuY29uc3QgaW5TY29wZSA9IChidWlsZDogKHNjb3BlOiBDb25zdHJ1Y3QpID0+IHZvaWQpID0+IEpTT04ucGFyc2UoVGVzdGluZy5zeW50aFNjb3BlKGJ1aWxkKSk7XG5cbmRlc2NyaWJlKFwiTWV0cmljQWxhcm1cIiwgKCkgPT4ge1xuICBpdChcIm5vdGlmaWVzIGl0cyB0b3BpY3Mgb24gQUxBUk0gYW5kIG9uIE9LIGFuZCByZXF1aXJlcyBldmVyeSBicmVhY2hpbmcgcGVyaW9kIGJ5IGRlZmF1bHRcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGpzb24gPSBpblNjb3BlKChzY29wZSkgPT4gbmV3IE1ldHJpY0FsYXJtKHNjb3BlLCBcImNwdVwiLCB7IC4uLmJhc2UsIGV2YWx1YXRpb25QZXJpb2RzOiAzIH0pKTtcbiAgICBjb25zdCBbYWxhcm1dID0gT2JqZWN0LnZhbHVlcyhqc29uLnJlc291cmNlLmF3c19jbG91ZHdhdGNoX21ldHJpY19hbGFybSkgYXMgYW55W107XG4gICAgZXhwZWN0KGFsYXJtKS50b0VxdWFsKFxuICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICBhbGFybV9hY3Rpb25zOiBiYXNlLmFjdGlvbkFybnMsXG4gICAgICAgIG9rX2FjdGlvbnM6IGJhc2UuYWN0aW9uQXJucyxcbiAgICAgICAgZXZhbHVhdGlvbl9wZXJpb2RzOiAzLFxuICAgICAgICBkYXRhcG9pbnRzX3RvX2FsYXJtOiAzLFxuICAgICAgICB0cmVhdF9taXNzaW5nX2RhdGE6IFwibWlzc2luZ1wiLFxuICAgICAgfSksXG4gICAgKTtcbiAgfSk7XG5cbiAgaXQuZWFjaChbXG4gICAgW1wibm8gYWN0aW9uXCIsIHsgYWN0aW9uQXJuczogW10gfSwgL2FjdGlvbkFybnMgbXVzdCBsaXN0IGF0IGxlYXN0IG9uZSB0b3BpYy9dLFxuICAgIFtcImEgcGVyaW9kIENsb3VkV2F0Y2ggZG9lcyBub3Qgb2ZmZXJcIiwgeyBwZXJpb2RTZWNvbmRzOiA0NSB9LCAvcGVyaW9kU2Vjb25kcyA0NSBtdXN0IGJlIDEwLCAzMCBvciBhIG11bHRpcGxlIG9mIDYwL10sXG4gICAgW1wibW9yZSBkYXRhcG9pbnRzIHRoYW4gcGVyaW9kc1wiLCB7IGV2YWx1YXRpb25QZXJpb2RzOiAyLCBkYXRhcG9pbnRzVG9BbGFybTogMyB9LCAvZGF0YXBvaW50c1RvQWxhcm0gbXVzdCBiZSBiZXR3ZWVuIDEgYW5kIGV2YWx1YXRpb25QZXJpb2RzIFxcKDJcXCkvXSxcbiAgICBbXCJ6ZXJvIGV2YWx1YXRpb24gcGVyaW9kc1wiLCB7IGV2YWx1YXRpb25QZXJpb2RzOiAwIH0sIC9ldmFsdWF0aW9uUGVyaW9kcyBtdXN0IGJlIGEgd2hvbGUgbnVtYmVyIG9mIGF0IGxlYXN0IDEvXSxcbiAgICBbXCJhbiBlbXB0eSBuYW1lXCIsIHsgYWxhcm1OYW1lOiBcIlwiIH0sIC9hbGFybU5hbWUgbXVzdCBiZSAxLTI1NSBjaGFyYWN0ZXJzL10sXG4gIF0gYXMgY29uc3QpKFwicmVqZWN0cyAlc1wiLCAoX25hbWUsIG92ZXJyaWRlLCBtZXNzYWdlKSA9PiB7XG4gICAgZXhwZWN0KCgpID0+IGluU2NvcGUoKHNjb3BlKSA9PiBuZXcgTWV0cmljQWxhcm0oc2NvcGUsIFwiYmFkXCIsIHsgLi4uYmFzZSwgLi4ub3ZlcnJpZGUgfSkpKS50b1Rocm93KG1lc3NhZ2UpO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZShcIkFsYXJtU2V0XCIsICgpID0+IHtcbiAgY29uc3Qgc3BlYyA9IChuYW1lOiBzdHJpbmcsIHdpZGdldDogc3RyaW5nLCB0aHJlc2hvbGQ6IG51bWJlcik6IEFsYXJtU3BlYyA9PiB7XG4gICAgY29uc3QgeyBhbGFybU5hbWU6IF9hbGFybU5hbWUsIGFjdGlvbkFybnM6IF9hY3Rpb25Bcm5zLCAuLi5yZXN0IH0gPSBiYXNlO1xuICAgIHJldHVybiB7IC4uLnJlc3QsIG5hbWUsIHdpZGdldCwgbGFiZWw6IG5hbWUsIHRocmVzaG9sZCwgZGltZW5zaW9uczogeyBTZXJ2aWNlTmFtZTogbmFtZSB9IH07XG4gIH07XG5cbiAgaXQoXCJwcmVmaXhlcyBuYW1lcywgc2hhcmVzIHRoZSBhY3Rpb25zIGFuZCBkcmF3cyBhbGFybXMgd2l0aCB0aGUgc2FtZSB3aWRnZXQgdGl0bGUgaW4gb25lIGdyYXBoXCIsICgpID0+IHtcbiAgICBsZXQgYm9keSA9IFwiXCI7XG4gICAgY29uc3QganNvbiA9IGluU2NvcGUoKHNjb3BlKSA9PiB7XG4gICAgICBjb25zdCBzZXQgPSBuZXcgQWxhcm1TZXQoc2NvcGUsIFwiYWxhcm1zXCIsIHsgbmFtZVByZWZpeDogXCJ2b2ljZS1haS1kZXZcIiwgYWN0aW9uQXJuczogW1wiYXJuOnRvcGljXCJdLCByZWdpb246IFwidXMtZWFzdC0xXCIgfSk7XG4gICAgICBzZXQuYWRkKFwiYXBpX2NwdVwiLCBzcGVjKFwiYXBpLWNwdVwiLCBcIkNQVVwiLCA4MCkpO1xuICAgICAgc2V0LmFkZChcIndzX2NwdVwiLCBzcGVjKFwid3MtY3B1XCIsIFwiQ1BVXCIsIDgwKSk7XG4gICAgICBzZXQuYWRkKFwiZGJfY3B1XCIsIHNwZWMoXCJkYi1jcHVcIiwgXCJEQiBDUFVcIiwgNzApKTtcbiAgICAgIGJvZHkgPSBzZXQuZGFzaGJvYXJkQm9keSgpO1xuICAgIH0pO1xuICAgIGNvbnN0IGFsYXJtcyA9IE9iamVjdC52YWx1ZXMoanNvbi5yZXNvdXJjZS5hd3NfY2xvdWR3YXRjaF9tZXRyaWNfYWxhcm0pIGFzIGFueVtdO1xuICAgIGV4cGVjdChhbGFybXMubWFwKChhKSA9PiBhLmFsYXJtX25hbWUpLnNvcnQoKSkudG9FcXVhbChbXCJ2b2ljZS1haS1kZXYtYXBpLWNwdVwiLCBcInZvaWNlLWFpLWRldi1kYi1jcHVcIiwgXCJ2b2ljZS1haS1kZXYtd3MtY3B1XCJdKTtcbiAgICBleHBlY3QoYWxhcm1zLmV2ZXJ5KChhKSA9PiBhLmFsYXJtX2FjdGlvbnNbMF0gPT09IFwiYXJuOnRvcGljXCIpKS50b0JlKHRydWUpO1xuICAgIGNvbnN0IHdpZGdldHMgPSBKU09OLnBhcnNlKGJvZHkpLndpZGdldHM7XG4gICAgZXhwZWN0KHdpZGdldHMubWFwKCh3OiBhbnkpID0+IFt3LnByb3BlcnRpZXMudGl0bGUsIHcucHJvcGVydGllcy5tZXRyaWNzLmxlbmd0aCwgdy54LCB3LnldKSkudG9FcXVhbChbXG4gICAgICBbXCJDUFVcIiwgMiwgMCwgMF0sXG4gICAgICBbXCJEQiBDUFVcIiwgMSwgMTIsIDBdLFxuICAgIF0pO1xuICAgIGV4cGVjdCh3aWRnZXRzWzBdLnByb3BlcnRpZXMuYW5ub3RhdGlvbnMuaG9yaXpvbnRhbCkudG9FcXVhbChbeyBsYWJlbDogXCJhbGFybSB0aHJlc2hvbGRcIiwgdmFsdWU6IDgwIH1dKTtcbiAgfSk7XG5cbiAgaXQoXCJyZWplY3RzIGEgc2V0IHdpdGhvdXQgdG9waWNzXCIsICgpID0+IHtcbiAgICBleHBlY3QoKCkgPT4gaW5TY29wZSgoc2NvcGUpID0+IG5ldyBBbGFybVNldChzY29wZSwgXCJhbGFybXNcIiwgeyBuYW1lUHJlZml4OiBcInBcIiwgYWN0aW9uQXJuczogW10sIHJlZ2lvbjogXCJ1cy1lYXN0LTFcIiB9KSkpLnRvVGhyb3coXG4gICAgICAvQWxhcm1TZXQgYWxhcm1zOiBhY3Rpb25Bcm5zIG11c3QgbGlzdCBhdCBsZWFzdCBvbmUgdG9waWMvLFxuICAgICk7XG4gIH0pO1xufSk7XG4iXSwiZmlsZSI6Ii93b3JrL21haW4vX190ZXN0c19fL3VuaXQvbWV0cmljLWFsYXJtLnRlc3QudHMifQ==
