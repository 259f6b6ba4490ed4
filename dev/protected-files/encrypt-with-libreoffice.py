"""Saves a workbook with a password through LibreOffice (ECMA-376 Standard encryption: an OLE container
holding EncryptionInfo and EncryptedPackage, as Excel writes a password-protected .xlsx).

Run with Debian's python3 (it has the `uno` module of python3-uno), LibreOffice installed:
  /usr/bin/python3 dev/protected-files/encrypt-with-libreoffice.py in.xlsx out.xlsx password
`soffice --convert-to` cannot do this: the password must go in the store call's media descriptor.
Made test/fixtures/protected/mat-khau-libreoffice.xlsx (see make.sh there).
"""
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue

src, dst, password = sys.argv[1:4]
port = 2099
profile = tempfile.mkdtemp(prefix='lo-encrypt-')
office = subprocess.Popen(['soffice', '--headless', '--norestore', f'-env:UserInstallation=file://{profile}',
                           f'--accept=socket,host=127.0.0.1,port={port};urp;'])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    ctx = None
    for _ in range(120):
        try:
            ctx = resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    def named(name, value):
        n = NamedValue()
        n.Name, n.Value = name, value
        return n

    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
    # LibreOffice 7.4 writes OOXML encryption only when given the key material itself ("Agile" fails to store).
    enc = uno.Any('[]com.sun.star.beans.NamedValue', (named('OOXPassword', password), named('CryptoType', 'Standard')))
    uno.invoke(doc, 'storeToURL', (uno.systemPathToFileUrl(dst), (
        prop('FilterName', 'Calc MS Excel 2007 XML'), prop('Password', password), PropertyValue('EncryptionData', 0, enc, 0))))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=30)
    except subprocess.TimeoutExpired:
        office.kill()
