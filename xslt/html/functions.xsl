<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions shared by the modules (namespace urn:tei-edition:functions).

  The URL checks are the edition's guard against hostile TEI: a link target
  taken from @facs or @target is written only if it is http(s) or relative,
  so "javascript:" and other schemes never reach an href.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- Elements whose @xml:id becomes an HTML id (see f:id-attribute): the only
       in-document targets a cross-reference can link to. -->
  <xsl:key name="html-id" match="div | p | head | list | item | table | row | note[not(@rend = 'inline')]
                                 | pb | closer | signed | dateline | opener | quote | anchor | lg | l"
           use="@xml:id"/>

  <!-- An NCName-like id we are willing to put into an href fragment. -->
  <xsl:function name="f:is-id" as="xs:boolean">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="matches(($s, '')[1], '^[\p{L}_][\p{L}\p{Nd}_.\-]*$')"/>
  </xsl:function>

  <!-- The URL if it is safe to link: http(s), or relative without a scheme; else (). -->
  <xsl:function name="f:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="($url, '')[1]"/>
    <xsl:sequence select="
      if ($u = '' or matches($u, '[\s\p{Cc}\\]')) then ()
      else if (matches($u, '^https?://[^/]', 'i')) then $u
      else if (matches($u, '^[^:/?#]*([/?#]|$)') and not(starts-with($u, '//'))) then $u
      else ()"/>
  </xsl:function>

  <!-- Where a ref/@target points in the edition, or () when it cannot be linked.
       "#x" in this document; "#d12" / "#d12fn3" in another page of the volume;
       "frusVOL#dN" on the Office of the Historian's site; http(s) as is. -->
  <xsl:function name="f:ref-href" as="xs:string?">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="t" select="normalize-space($ref/@target)"/>
    <xsl:variable name="frag" select="substring-after($t, '#')"/>
    <xsl:sequence select="
      if (starts-with($t, '#')) then
        (if (not(f:is-id($frag))) then ()
         else if (exists(key('html-id', $frag, root($ref)))) then $t
         else if (matches($frag, '^d[0-9]+')) then
           (let $doc := replace($frag, '^(d[0-9]+).*$', '$1')
            return $doc || $document-suffix || (if ($frag = $doc) then '' else '#' || $frag))
         else ())
      else if (matches($t, '^https?://', 'i')) then f:safe-url($t)
      else if (matches($t, '^frus[A-Za-z0-9\-]+(#.*)?$')) then
        (let $vol := replace($t, '#.*$', '')
         return f:safe-url($volumes-base || $vol
                           || (if (matches($frag, '^d[0-9]+$')) then '/' || $frag else '')))
      else ()"/>
  </xsl:function>

  <!-- Class tokens from an attribute such as @rend, reduced to safe characters. -->
  <xsl:function name="f:classes" as="xs:string*">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="tokenize(replace(($value, '')[1], '[^A-Za-z0-9_\- ]', ''), ' +')[. != ''] ! ($prefix || .)"/>
  </xsl:function>

  <!-- The HTML id of an element: its @xml:id, as the TEI gives it. -->
  <xsl:template name="f:id-attribute">
    <xsl:if test="@xml:id">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
