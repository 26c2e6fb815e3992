<#assign a = d.account()>
${d.organizationName()}: yesterday on WhatsApp (${d.date()}, ${d.timeZone()})
<#if late!false>
Sent late: this digest waited until every event of the day was loaded.
</#if>

<#if d.isEmpty()>
Nothing was sent yesterday: no broadcast messages and no customer messages in any workspace.
<#else>
Targeted   ${a.targeted()}
Sent       ${a.sent()}
Delivered  ${a.delivered()} (${a.deliveryPercent()})
Read       ${a.read()} (${a.readPercent()})
Failed     ${a.failed()}
Pending    ${a.pending()}
${d.againstTheDayBefore()}
<#list d.workspaces() as w>

== ${w.name()}
Overview of the day: ${publicUrl}/app/workspaces/${w.id()}/overview?from=${d.date()}&to=${d.date()}
${w.broadcastCount()}, ${w.funnel().targeted()} targeted, delivery ${w.funnel().deliveryPercent()}, read ${w.funnel().readPercent()}, ${w.funnel().pending()} pending
Smart Retry: ${w.smartRetry().queued()} queued, ${w.smartRetry().retried()} retried, ${w.smartRetry().recovered()} recovered
<#list w.topFailures() as f>
  failure ${f.code()?c} ${f.label()}: ${f.count()}
</#list>
<#if w.redTemplates()?has_content>
RED templates: <#list w.redTemplates() as t>${t}<#sep>, </#sep></#list>
</#if>
</#list>
<#if d.failures()?has_content>

What failed and what to do
<#list d.failures() as f>
- ${f.code()?c} ${f.label()} (${f.count()}, ${f.retry()}): ${f.fix()}
</#list>
</#if>
</#if>

Delivery rate = delivered / targeted; read rate = read / delivered. Pending: accepted, neither delivered nor failed yet. Days are calendar days in ${d.timeZone()}.
