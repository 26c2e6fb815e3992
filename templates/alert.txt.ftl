${a.subjectLine()}
${a.organizationName()} · ${a.workspaceName()} (${a.workspaceId()})

<#if a.isOpened()>Opened ${a.openedAt()}<#else>Opened ${a.openedAt()}, resolved ${a.resolvedAt()}</#if>

${a.summary()}
<#if a.figures()["fix"]??>

What to do: ${a.figures()["fix"]}
</#if>

Figures
<#list a.figures() as name, value>
<#if name != "fix">- ${name}: ${value}
</#if>
</#list>
<#if a.publicUrl()??>

Open wapi-analytics: ${a.publicUrl()}
</#if>

Rule ${a.rule()}, subject ${a.subject()}. One email when an incident opens and one when it resolves;
thresholds: scripts/wapi alerts set ${a.workspaceId()} --help
