<#assign f = c.funnel()>
${c.title()}: campaign results (${c.organizationName()} · ${c.workspaceName()})
Template ${c.template()!""}, launched ${c.launched()} (${c.timeZone()})<#if c.audience() gt 0>, audience ${c.audience()}</#if>
Reported ${c.completion()}.

Targeted   ${f.targeted()}
Sent       ${f.sent()}
Delivered  ${f.delivered()} (${f.deliveryPercent()})
Read       ${f.read()} (${f.readPercent()})
Failed     ${f.failed()}
Pending    ${f.pending()}
<#if c.failures()?has_content>

Failures by reason, and what to do
<#list c.failures() as e>
- ${e.code()?c} ${e.label()} (${e.count()}, ${e.retry()}): ${e.fix()}
</#list>
</#if>

Broadcast ${c.broadcastId()}. Delivery rate = delivered / targeted; read rate = read / delivered.
Targeted counts every recipient the broadcast tried (sent or refused); a message is final once delivered, read or failed, and pending until then.
