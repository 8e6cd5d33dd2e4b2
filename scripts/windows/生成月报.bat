@echo off
rem 生成月报：把本月导出文件所在的文件夹（或几个导出文件）拖到本文件上，即生成统计报表。
rem 报表写在本文件夹的 reports 子文件夹里；本文件夹里的“模板.toml”（本公司品牌、列名别名等）会自动使用。
setlocal
set "HERE=%~dp0"
set "CODE=2"
if "%~1"=="" (
  echo 请把导出文件所在的文件夹拖到“生成月报.bat”的图标上，不要双击运行。
  goto :done
)
set "TEMPLATE="
if exist "%HERE%模板.toml" set TEMPLATE=--template "%HERE%模板.toml"
pushd "%HERE%"
"%HERE%tsreport.exe" report %* %TEMPLATE%
set "CODE=%ERRORLEVEL%"
popd
echo.
if not "%CODE%"=="0" (
  echo 没有生成报表（退出码 %CODE%），原因见上面的说明。
  goto :done
)
echo 报表已生成，在这个文件夹里：%HERE%reports
if not defined TSREPORT_NO_OPEN start "" "%HERE%reports"
:done
echo.
pause
exit /b %CODE%
